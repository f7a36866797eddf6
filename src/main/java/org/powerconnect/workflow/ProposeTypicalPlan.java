package org.powerconnect.workflow;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.powerconnect.connection.ExternalLineWork;
import org.powerconnect.supplyplan.PermitKeys;
import org.powerconnect.supplyplan.SupplyPlans;
import org.powerconnect.supplyplan.TypicalPlanProposal;
import org.springframework.stereotype.Component;

/**
 * Asks the typical-plan decision table ({@code processes/TypicalSupplyPlan.dmn}) for a modular plan and keeps
 * it with the application, where the planner sees it and may accept or override it.
 */
@Component("proposeTypicalPlan")
class ProposeTypicalPlan implements JavaDelegate {

    private final SupplyPlans supplyPlans;

    ProposeTypicalPlan(SupplyPlans supplyPlans) {
        this.supplyPlans = supplyPlans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DmnDecisionResultEntries plan = execution.getProcessEngineServices().getDecisionService()
                .evaluateDecisionByKey(ConnectionProcess.DECISION_TYPICAL_PLAN)
                .variables(Variables.createVariables()
                        .putValue(ConnectionProcess.VAR_VOLTAGE_CLASS, execution.getVariable(ConnectionProcess.VAR_VOLTAGE_CLASS))
                        .putValue(ConnectionProcess.VAR_CUSTOMER_TYPE, execution.getVariable(ConnectionProcess.VAR_CUSTOMER_TYPE))
                        .putValue(ConnectionProcess.VAR_CAPACITY_KVA, execution.getVariable(ConnectionProcess.VAR_CAPACITY_KVA)))
                .evaluate()
                .getSingleResult();
        supplyPlans.propose(execution.getProcessBusinessKey(), new TypicalPlanProposal(
                plan.getEntry("typicalPlan"),
                plan.getEntry("description"),
                ExternalLineWork.valueOf(plan.getEntry("externalLineWork")),
                PermitKeys.parse(plan.getEntry("requiredPermits"))));
    }
}
