package org.powerconnect.worklist;

import java.util.List;
import java.util.Optional;

import org.powerconnect.connection.Department;

/** The departments' open stage tasks; the workflow module implements it on the process engine. */
public interface Worklist {

    List<StageTask> openTasksOf(String applicationNo);

    /** A department's open tasks, earliest due first. */
    List<StageTask> openTasksFor(Department department, int firstResult, int maxResults);

    Optional<StageTask> openTask(String taskId);

    /** Whether a task with this id existed and was completed (as opposed to never existing). */
    boolean wasCompleted(String taskId);

    /**
     * Records the outcome and completes the task, in one transaction.
     *
     * @throws TaskNoLongerOpenException when another request completed it first
     * @throws org.powerconnect.supplyplan.InvalidSupplyPlanException when a supply plan contradicts itself
     */
    void complete(StageTask task, StageOutcome outcome, String userId);

    class TaskNoLongerOpenException extends RuntimeException {
        public TaskNoLongerOpenException(String taskId, Throwable cause) {
            super("task " + taskId + " was completed by another request at the same time", cause);
        }
    }
}
