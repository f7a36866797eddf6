package org.powerconnect.sla;

import java.time.Instant;

/** Published in the transaction that recorded a clock's warning; once per clock. */
public record SlaWarningRecorded(SlaClock clock, Instant recordedAt) {
}
