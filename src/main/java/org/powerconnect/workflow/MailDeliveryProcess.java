package org.powerconnect.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.powerconnect.notification.MailDelivery;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code processes/MailDelivery.bpmn}: where a mail goes when its delivery job failed every attempt. Cockpit
 * shows an incident only on a process instance (a bare job's incident appears nowhere in its UI), so the mail
 * becomes an instance whose "Deliver mail" job fails into an incident, with Retry, in Cockpit.
 */
@Component("undeliverableMail")
class MailDeliveryProcess implements JavaDelegate {

    static final String PROCESS_ID = "MailDelivery";
    static final String VAR_OUTBOX_MAIL_ID = "outboxMailId";

    private final ObjectProvider<MailDelivery> delivery;

    MailDeliveryProcess(ObjectProvider<MailDelivery> delivery) {
        this.delivery = delivery;
    }

    /** Sends the mail, unless it went out meanwhile; a failure fails the job (R1: then an incident). */
    @Override
    public void execute(DelegateExecution execution) {
        delivery.getObject().deliver(((Number) execution.getVariable(VAR_OUTBOX_MAIL_ID)).longValue());
    }

    static org.camunda.bpm.engine.variable.VariableMap variables(long outboxMailId) {
        return Variables.createVariables().putValueTyped(VAR_OUTBOX_MAIL_ID, Variables.longValue(outboxMailId));
    }
}
