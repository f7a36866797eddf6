package org.powerconnect.workflow;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.powerconnect.connection.Stage;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete a supply-plan or permit task without its outcome. The worklist records the outcome
 * (the plan, the bureau's decision) and marks the task before completing it; a completion that bypasses it,
 * such as Tasklist's generic form, would leave the process without the facts its gateways need.
 * Stages without an outcome of their own may be completed anywhere.
 */
@Component
class StageOutcomeGuard implements TaskListener {

    /** Task-local, so parallel bureaus never write the same variable; it also leaves the outcome in the task's history. */
    static final String VAR_STAGE_OUTCOME = "stageOutcome";

    @Override
    public void notify(DelegateTask task) {
        Stage stage = StageDefinition.of(task.getBpmnModelElementInstance()).stage();
        boolean needsOutcome = stage == Stage.SUPPLY_PLAN || stage.isPermit();
        if (needsOutcome && task.getVariableLocal(VAR_STAGE_OUTCOME) == null) {
            throw new ProcessEngineException("'" + task.getName() + "' of application "
                    + task.getExecution().getProcessBusinessKey() + " needs its "
                    + (stage == Stage.SUPPLY_PLAN ? "plan (external-line work and permits)" : "decision (APPROVED or REJECTED)")
                    + ": complete it in PowerConnect (POST /api/tasks/" + task.getId() + "/complete), "
                    + "not with a generic form");
        }
    }
}
