package org.powerconnect.intake;

public enum ApplicationStatus {
    IN_PROGRESS,
    POWERED_ON,
    /** Withdrawn or stopped by an administrator before power-on. */
    CANCELLED
}
