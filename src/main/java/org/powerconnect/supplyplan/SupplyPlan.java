package org.powerconnect.supplyplan;

import java.time.Instant;
import java.util.List;

import org.powerconnect.connection.ExternalLineWork;
import org.powerconnect.connection.Stage;

/**
 * The supply plan of an application: the typical (modular) plan the decision table proposed, and what the
 * grid company's planner decided: the external-line work and the permits it needs.
 *
 * @param externalLineWork null until the planner has replied
 * @param requiredPermits  null until the planner has replied
 * @param revision         0 for the first reply, then one more for each revision after a rejected permit
 */
public record SupplyPlan(
        String applicationNo,
        String typicalPlan,
        String description,
        ExternalLineWork proposedExternalLineWork,
        List<Stage> proposedPermits,
        ExternalLineWork externalLineWork,
        List<Stage> requiredPermits,
        String decidedBy,
        Instant decidedAt,
        int revision) {

    public boolean isDecided() {
        return externalLineWork != null;
    }
}
