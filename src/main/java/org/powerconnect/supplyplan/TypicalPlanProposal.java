package org.powerconnect.supplyplan;

import java.util.List;

import org.powerconnect.connection.ExternalLineWork;
import org.powerconnect.connection.Stage;

/** What the typical-plan decision table proposes for an application. */
public record TypicalPlanProposal(String typicalPlan, String description, ExternalLineWork externalLineWork,
        List<Stage> permits) {
}
