package org.powerconnect.intake;

import java.time.Instant;

import org.powerconnect.connection.ApplicationKind;
import org.powerconnect.connection.CustomerType;
import org.powerconnect.connection.Language;
import org.powerconnect.connection.VoltageClass;

/**
 * An application for a new connection or a capacity increase, as received at the service window.
 *
 * @param email    where the applicant hears about progress; null when they gave none
 * @param language the language of the applicant's mails
 * @param accessCode the code with which the applicant follows the application; null for applications received
 *                   before codes existed
 */
public record Application(
        String applicationNo,
        String applicantName,
        String contactPhone,
        String address,
        VoltageClass voltageClass,
        int capacityKva,
        ApplicationKind kind,
        CustomerType customerType,
        ApplicationStatus status,
        Instant submittedAt,
        String submittedBy,
        Instant finishedAt,
        String email,
        Language language,
        String accessCode) {
}
