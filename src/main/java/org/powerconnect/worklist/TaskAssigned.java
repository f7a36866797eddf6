package org.powerconnect.worklist;

/** Published in the transaction that created a stage task for its department. */
public record TaskAssigned(StageTask task) {
}
