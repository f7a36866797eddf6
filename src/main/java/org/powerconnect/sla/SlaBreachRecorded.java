package org.powerconnect.sla;

import java.time.Instant;

/** Published in the transaction that recorded a clock's breach; once per clock, however often a timer retries. */
public record SlaBreachRecorded(SlaClock clock, Instant firedAt) {
}
