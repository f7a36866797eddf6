package org.powerconnect.workflow;

import java.time.Duration;
import java.util.Date;
import java.util.List;

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
 * ({@code powerconnect.mail.retry-intervals}: an SMTP outage is seldom over in seconds), and when the last
 * attempt fails the engine's incident is joined by a FAILED outbox row and the undeliverable-mail metric.
 * Every other job keeps the engine's own retry behaviour.
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
            List<Duration> intervals = settings.retryIntervals();
            int failedAttempt = Math.max(1, settings.attempts() - job.getRetries() + 1);
            Duration wait = intervals.get(Math.min(failedAttempt, intervals.size()) - 1);
            job.unlock();
            job.setDuedate(new Date(ClockUtil.getCurrentTime().getTime() + wait.toMillis()));
            logException(job);
            decrementRetries(job);
            if (job.getRetries() == 0) {
                delivery.getObject().gaveUp(Long.parseLong(job.getJobHandlerConfigurationRaw()), exception == null
                        ? job.getExceptionMessage() : exception.getMessage());
            }
            notifyAcquisition(commandContext);
            return null;
        }
    }
}
