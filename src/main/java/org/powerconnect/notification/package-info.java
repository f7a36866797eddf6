/**
 * Mail notifications: departments hear when work lands and when it is about to breach, supervisors when it
 * breaches, applicants when their application is accepted, their supply plan is ready and power is on.
 * <p>
 * Every event writes a row to the mail outbox inside the transaction that made it happen, and the workflow
 * module schedules a delivery job for it ({@link org.powerconnect.notification.MailJobs}). The job renders and
 * sends the mail afterwards, outside that transaction: an SMTP outage fails the job, never the bureau's
 * decision or the timer; the job retries with back-off and, after its last retry, becomes an incident.
 */
package org.powerconnect.notification;
