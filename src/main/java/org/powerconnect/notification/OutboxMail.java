package org.powerconnect.notification;

import java.time.Instant;

import org.powerconnect.connection.Department;
import org.powerconnect.connection.Stage;

/**
 * A mail the system owes, as the outbox keeps it: the facts of its event, not its text. The text is written
 * when the mail is sent, so the working days left are counted on the day it goes out.
 *
 * @param stage      null for applicant mails that concern the whole application
 * @param department null for applicant mails
 * @param taskId     the task to link to; null when there is none
 * @param dueAt      the due time the mail reports; null when it reports none
 * @param detail     kind-specific facts (the plan of a plan mail), or null
 */
record OutboxMail(
        long id,
        String eventKey,
        NotificationKind kind,
        String applicationNo,
        Stage stage,
        Department department,
        String taskId,
        String taskName,
        Instant dueAt,
        String detail,
        Instant occurredAt,
        Status status,
        int attempts) {

    enum Status {
        PENDING,
        SENT,
        /** No SMTP server is configured: the mail went to the log. */
        LOGGED,
        NO_RECIPIENT,
        /** Every attempt failed; its job is an incident until someone retries it. */
        FAILED;

        /** A mail in these states is never sent again, however often its job runs. */
        boolean isSettled() {
            return this == SENT || this == LOGGED || this == NO_RECIPIENT;
        }
    }

    /** A mail to queue: what an event owes, before it has an id. */
    record New(String eventKey, NotificationKind kind, String applicationNo, Stage stage, Department department,
            String taskId, String taskName, Instant dueAt, String detail, Instant occurredAt) {
    }
}
