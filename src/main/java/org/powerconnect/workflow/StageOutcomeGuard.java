package org.powerconnect.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.powerconnect.connection.Stage;
import org.powerconnect.intake.Application;
import org.powerconnect.intake.Applications;
import org.powerconnect.supplyplan.PermitKeys;
import org.powerconnect.supplyplan.SupplyPlan;
import org.powerconnect.supplyplan.SupplyPlans;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete a supply-plan or permit task without its outcome. The worklist records the outcome
 * (the plan, the bureau's decision) and then completes the task inside {@link #completingWithOutcome}; a
 * completion that bypasses it, such as Tasklist's generic form, would leave the process without the facts its
 * gateways need. The mark lives in the completing thread, not in a task variable: no one outside this process
 * can set it, and it costs no write (a task variable cost an update of the task and its history row for every
 * task, see BENCHMARKS.md). The outcome itself is kept in PowerConnect's tables (supply plan, permit decisions).
 * Stages without an outcome of their own may be completed anywhere, but not with variables that contradict the
 * application's facts (Tasklist's "Add a variable" could set voltageClass or requiredPermits, which clocks and
 * gateways read): those are PowerConnect's, and such a completion is refused.
 */
@Component
class StageOutcomeGuard implements TaskListener {

    private final Applications applications;
    private final SupplyPlans supplyPlans;

    StageOutcomeGuard(Applications applications, SupplyPlans supplyPlans) {
        this.applications = applications;
        this.supplyPlans = supplyPlans;
    }

    /** The task that the worklist is completing in this thread, after it recorded the task's outcome. */
    private static final ThreadLocal<String> COMPLETING_WITH_OUTCOME = new ThreadLocal<>();

    /** Completes a task whose outcome the worklist has recorded. */
    static void completingWithOutcome(String taskId, Runnable completion) {
        COMPLETING_WITH_OUTCOME.set(taskId);
        try {
            completion.run();
        } finally {
            COMPLETING_WITH_OUTCOME.remove();
        }
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getId().equals(COMPLETING_WITH_OUTCOME.get())) {
            // the worklist sets only the variables it derived from the outcome it has just recorded: nothing to
            // compare (the comparison read five variables, the application and its plan on every completion)
            return;
        }
        Stage stage = StageDefinition.of(task.getBpmnModelElementInstance()).stage();
        boolean needsOutcome = stage == Stage.SUPPLY_PLAN || stage.isPermit();
        if (needsOutcome) {
            throw new ProcessEngineException("'" + task.getName() + "' of application "
                    + task.getExecution().getProcessBusinessKey() + " needs its "
                    + (stage == Stage.SUPPLY_PLAN ? "plan (external-line work and permits)" : "decision (APPROVED or REJECTED)")
                    + ": complete it in PowerConnect (POST /api/tasks/" + task.getId() + "/complete), "
                    + "not with a generic form");
        }
        refuseChangedFacts(task);
    }

    private void refuseChangedFacts(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        String applicationNo = execution.getProcessBusinessKey();
        Application application = applications.find(applicationNo).orElse(null);
        if (application == null) {
            return;
        }
        List<String> changed = new ArrayList<>();
        compare(changed, execution, ConnectionProcess.VAR_APPLICATION_NO, applicationNo);
        compare(changed, execution, ConnectionProcess.VAR_VOLTAGE_CLASS, application.voltageClass().name());
        compare(changed, execution, ConnectionProcess.VAR_CAPACITY_KVA, application.capacityKva());
        compare(changed, execution, ConnectionProcess.VAR_CUSTOMER_TYPE, application.customerType().name());
        supplyPlans.find(applicationNo).filter(SupplyPlan::isDecided).ifPresent(plan -> {
            compare(changed, execution, ConnectionProcess.VAR_EXTERNAL_LINE_WORK, plan.externalLineWork().name());
            compare(changed, execution, ConnectionProcess.VAR_REQUIRED_PERMITS, PermitKeys.join(plan.requiredPermits()));
        });
        if (!changed.isEmpty()) {
            throw new ProcessEngineException("'" + task.getName() + "' of application " + applicationNo
                    + " cannot be completed with " + String.join(", ", changed) + ": these are the application's "
                    + "facts, kept by PowerConnect; complete the task without them");
        }
    }

    private static void compare(List<String> changed, DelegateExecution execution, String name, Object fact) {
        Object value = execution.getVariable(name);
        if (value != null && !value.equals(fact)) {
            changed.add(name + " = " + value);
        }
    }
}
