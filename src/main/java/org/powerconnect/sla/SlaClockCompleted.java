package org.powerconnect.sla;

import java.time.Instant;

/**
 * Published in the transaction that completed a clock's stage (not for a stage left unfinished).
 *
 * @param workingDaysUsed the working days the stage took, pauses excluded, counted as reports count them
 * @param onTime          whether it completed by its due time without having breached it before (as the SLA
 *                        report counts it)
 */
public record SlaClockCompleted(SlaClock clock, Instant completedAt, int workingDaysUsed, boolean onTime) {
}
