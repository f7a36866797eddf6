package org.powerconnect.intake;

import java.time.Instant;

/** Published inside the transaction in which an application's process ended: powered on, or cancelled. */
public record ApplicationFinished(String applicationNo, ApplicationStatus status, Instant at) {
}
