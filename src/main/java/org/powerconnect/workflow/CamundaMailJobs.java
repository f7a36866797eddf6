package org.powerconnect.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.powerconnect.notification.MailJobs;
import org.powerconnect.notification.MailSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A delivery job per outbox mail, written by an engine command that joins the current transaction (and, inside
 * a listener, the current command): the job commits with the event that owes the mail, or not at all. Mail
 * jobs belong to no process instance, so an application's process ending (power on) never deletes one.
 */
@Component
class CamundaMailJobs implements MailJobs {

    private final ObjectProvider<ProcessEngine> engine;
    private final MailSettings settings;

    /** The engine is looked up when used: its listeners need the notifications, which need this, before it exists. */
    CamundaMailJobs(ObjectProvider<ProcessEngine> engine, MailSettings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    @Override
    public void schedule(long outboxMailId) {
        ((ProcessEngineImpl) engine.getObject()).getProcessEngineConfiguration().getCommandExecutorTxRequired().execute(context -> {
            MessageEntity job = new MessageEntity();
            job.setJobHandlerType(MailJobHandler.TYPE);
            job.setJobHandlerConfiguration(new MailJobHandler.OutboxMailId(outboxMailId));
            job.setRetries(settings.attempts());
            // due now: the job executor acquires by due date only (JobAcquisition), and Camunda dates only the
            // jobs of its own declarations
            job.setDuedate(ClockUtil.getCurrentTime());
            context.getJobManager().send(job);
            return null;
        });
    }
}
