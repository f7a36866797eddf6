package org.powerconnect.intake;

import java.time.Instant;

import org.powerconnect.connection.ApplicationKind;
import org.powerconnect.connection.CustomerType;
import org.powerconnect.connection.VoltageClass;

/** An application for a new connection or a capacity increase, as received at the service window. */
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
        Instant finishedAt) {
}
