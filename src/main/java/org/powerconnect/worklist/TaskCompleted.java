package org.powerconnect.worklist;

import java.time.Instant;

/** Published in the transaction that completed a stage task, through the API or in Tasklist. */
public record TaskCompleted(StageTask task, Instant completedAt) {
}
