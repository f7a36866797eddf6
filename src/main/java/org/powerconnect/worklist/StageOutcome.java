package org.powerconnect.worklist;

import java.util.List;

import org.powerconnect.connection.ExternalLineWork;
import org.powerconnect.connection.Stage;
import org.powerconnect.permits.PermitDecision;

/** What a department reports when it completes a stage task. */
public sealed interface StageOutcome {

    String comment();

    /**
     * The supply-plan reply; null fields take the typical plan the decision table proposed.
     *
     * @param applicantConfirmation whether the applicant must confirm the plan before the work goes on
     */
    record SupplyPlanReply(ExternalLineWork externalLineWork, List<Stage> requiredPermits, String comment,
            boolean applicantConfirmation) implements StageOutcome {

        public SupplyPlanReply(ExternalLineWork externalLineWork, List<Stage> requiredPermits, String comment) {
            this(externalLineWork, requiredPermits, comment, false);
        }
    }

    record PermitOutcome(PermitDecision.Decision decision, String comment) implements StageOutcome {
    }

    /** Every other stage: done, with an optional remark. */
    record Done(String comment) implements StageOutcome {
    }
}
