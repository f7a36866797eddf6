package org.powerconnect.workflow;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.powerconnect.connection.Stage;
import org.powerconnect.permits.PermitDecision;
import org.powerconnect.permits.PermitDecisions;
import org.springframework.stereotype.Component;

/**
 * {@code ${permits.rejected(execution, 'planning-permit')}}: the bureau's latest decision, read from the
 * permit decisions rather than a process variable, so parallel bureaus never write the same variable.
 */
@Component("permits")
public class PermitConditions {

    private final PermitDecisions decisions;

    PermitConditions(PermitDecisions decisions) {
        this.decisions = decisions;
    }

    public boolean rejected(DelegateExecution execution, String permitKey) {
        Stage permit = Stage.ofKey(permitKey).filter(Stage::isPermit)
                .orElseThrow(() -> new IllegalArgumentException("'" + permitKey + "' is not a permit stage key"));
        return decisions.latest(execution.getProcessBusinessKey(), permit)
                .map(decision -> decision.decision() == PermitDecision.Decision.REJECTED)
                .orElseThrow(() -> new ProcessEngineException("no decision recorded on " + permitKey
                        + " of application " + execution.getProcessBusinessKey()));
    }
}
