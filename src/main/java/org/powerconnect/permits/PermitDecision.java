package org.powerconnect.permits;

import java.time.Instant;

import org.powerconnect.connection.Stage;

/** A bureau's decision on one permit of an application. */
public record PermitDecision(String applicationNo, Stage permit, Decision decision, String comment, String decidedBy,
        Instant decidedAt) {

    public enum Decision {
        APPROVED,
        REJECTED
    }
}
