package org.powerconnect.workflow;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.powerconnect.notification.MailDelivery;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The job that delivers one outbox mail. The engine's job executor runs it after the transaction that queued
 * the mail has committed, retries it ({@link MailJobRetry}) and, when every retry failed, keeps it as an
 * incident in Cockpit, where an operator can retry it once the SMTP server is back. Registered by
 * {@link MailEnginePlugin} (the starter registers job-handler beans only where the job executor is on, but a
 * node without one must still run a mail job that Cockpit or the REST API asks it to run).
 */
class MailJobHandler implements JobHandler<MailJobHandler.OutboxMailId> {

    static final String TYPE = "powerconnect-mail";

    private final ObjectProvider<MailDelivery> delivery;

    /** Looked up when a job runs: the engine is built before the mail services it would otherwise need. */
    MailJobHandler(ObjectProvider<MailDelivery> delivery) {
        this.delivery = delivery;
    }

    @Override
    public String getType() {
        return TYPE;
    }

    @Override
    public void execute(OutboxMailId configuration, ExecutionEntity execution, CommandContext commandContext,
            String tenantId) {
        delivery.getObject().deliver(configuration.id());
    }

    @Override
    public OutboxMailId newConfiguration(String canonicalString) {
        return new OutboxMailId(Long.parseLong(canonicalString));
    }

    @Override
    public void onDelete(OutboxMailId configuration, JobEntity jobEntity) {
        // the outbox row stays: it records what was owed, and whether it went out
    }

    record OutboxMailId(long id) implements JobHandlerConfiguration {
        @Override
        public String toCanonicalString() {
            return Long.toString(id);
        }
    }
}
