package org.powerconnect.workflow;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.powerconnect.notification.MailDelivery;
import org.powerconnect.notification.MailSettings;
import org.springframework.beans.factory.ObjectProvider;

/**
 * What happens when a job fails. Mail jobs wait longer after each failed attempt
 * ({@code powerconnect.mail.retry-intervals}: an SMTP outage is seldom over in seconds). When the last attempt
 * fails, or the SMTP server refused the mail for good, the outbox row turns FAILED, the undeliverable-mail
 * metric counts it, and the mail moves to an instance of the mail-delivery process, where it becomes an
 * incident that Cockpit shows and retries ({@link MailDeliveryProcess}). Every other job keeps the engine's
 * own retry behaviour.
 */
class MailJobRetry implements FailedJobCommandFactory {

    private final MailSettings settings;
    private final ObjectProvider<MailDelivery> delivery;

    MailJobRetry(MailSettings settings, ObjectProvider<MailDelivery> delivery) {
        this.settings = settings;
        this.delivery = delivery;
    }

    @Override
    public Command<Object> getCommand(String jobId, Throwable exception) {
        return new RetryCommand(jobId, exception);
    }

    private class RetryCommand extends DefaultJobRetryCmd {

        RetryCommand(String jobId, Throwable exception) {
            super(jobId, exception);
        }

        @Override
        public Object execute(CommandContext commandContext) {
            JobEntity job = getJob();
            if (job == null || !MailJobHandler.TYPE.equals(job.getJobHandlerType())) {
                return super.execute(commandContext);
            }
            if (exception instanceof OptimisticLockingException) {
                job.unlock(); // another transaction got in the way: try again, it was no failed attempt
                notifyAcquisition(commandContext);
                return null;
            }
            boolean lastAttempt = job.getRetries() <= 1 || MailDelivery.isPermanent(exception);
            if (lastAttempt) {
                giveUp(commandContext, job);
                return null;
            }
            List<Duration> intervals = settings.retryIntervals();
            int failedAttempt = Math.max(1, settings.attempts() - job.getRetries() + 1);
            Duration wait = intervals.get(Math.min(failedAttempt, intervals.size()) - 1);
            job.unlock();
            job.setDuedate(new Date(ClockUtil.getCurrentTime().getTime() + wait.toMillis()));
            logException(job);
            decrementRetries(job);
            notifyAcquisition(commandContext);
            return null;
        }

        private void giveUp(CommandContext commandContext, JobEntity job) {
            long outboxMailId = Long.parseLong(job.getJobHandlerConfigurationRaw());
            String eventKey = delivery.getObject().gaveUp(outboxMailId, exception == null ? "unknown error"
                    : exception.getMessage());
            job.delete();
            commandContext.getProcessEngineConfiguration().getRuntimeService().startProcessInstanceByKey(
                    MailDeliveryProcess.PROCESS_ID, eventKey, MailDeliveryProcess.variables(outboxMailId));
        }
    }
}
