package org.powerconnect.worklist;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.powerconnect.connection.Department;
import org.powerconnect.connection.Stage;

/** The departments' open stage tasks; the workflow module implements it on the process engine. */
public interface Worklist {

    List<StageTask> openTasksOf(String applicationNo);

    /** A department's open tasks, earliest due first. */
    List<StageTask> openTasksFor(Department department, int firstResult, int maxResults);

    Optional<StageTask> openTask(String taskId);

    /**
     * All open tasks, counted per department and stage in one pass over the task table (it stays cheap with
     * hundreds of thousands of tasks): how many, how many are due by {@code dueSoonBy} but not yet overdue, and
     * how many are past their due time at {@code now}.
     */
    List<OpenWork> openWork(Instant now, Instant dueSoonBy);

    record OpenWork(Department department, Stage stage, long open, long dueSoon, long overdue) {
    }

    /** The stages of the deployed process with the department working each (overall included). */
    Set<StageOfDepartment> stagesOfDepartments();

    record StageOfDepartment(Stage stage, Department department) {
    }

    /** Whether a task with this id existed and was completed (as opposed to never existing). */
    boolean wasCompleted(String taskId);

    /**
     * Records the outcome and completes the task, in one transaction, as the user with the groups they signed
     * in with (the engine checks that one of them may work the task).
     *
     * @throws TaskNoLongerOpenException when another request completed it first
     * @throws org.powerconnect.supplyplan.InvalidSupplyPlanException when a supply plan contradicts itself
     */
    void complete(StageTask task, StageOutcome outcome, String userId, Set<String> groups);

    class TaskNoLongerOpenException extends RuntimeException {
        public TaskNoLongerOpenException(String taskId, Throwable cause) {
            super("task " + taskId + " was completed by another request at the same time", cause);
        }
    }
}
