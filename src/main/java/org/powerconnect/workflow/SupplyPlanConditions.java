package org.powerconnect.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.powerconnect.connection.Stage;
import org.powerconnect.supplyplan.PermitKeys;
import org.springframework.stereotype.Component;

/** {@code ${supplyPlan.requires(execution, 'planning-permit')}}: whether the decided plan needs a permit. */
@Component("supplyPlan")
public class SupplyPlanConditions {

    public boolean requires(DelegateExecution execution, String permitKey) {
        Stage permit = Stage.ofKey(permitKey).filter(Stage::isPermit)
                .orElseThrow(() -> new IllegalArgumentException("'" + permitKey + "' is not a permit stage key"));
        return PermitKeys.parse((String) execution.getVariable(ConnectionProcess.VAR_REQUIRED_PERMITS)).contains(permit);
    }
}
