package org.powerconnect.notification;

/** The SMTP server refused a mail for good (every recipient unknown, say): retrying later would not help. */
public class UndeliverableMailException extends RuntimeException {

    UndeliverableMailException(String message, Throwable cause) {
        super(message, cause);
    }
}
