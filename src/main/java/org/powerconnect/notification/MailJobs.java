package org.powerconnect.notification;

/**
 * Schedules the delivery of an outbox mail as a job of the process engine, in the current transaction: the
 * job exists exactly when the mail's row does. The job calls {@link MailDelivery#deliver(long)}, retries with
 * the configured back-off, and after its last retry reports {@link MailDelivery#gaveUp(long, String)}.
 */
public interface MailJobs {

    void schedule(long outboxMailId);
}
