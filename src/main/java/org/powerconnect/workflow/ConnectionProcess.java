package org.powerconnect.workflow;

/** Ids and variable names of {@code processes/ConnectionApplicationProcess.bpmn}. */
final class ConnectionProcess {

    static final String PROCESS_ID = "ConnectionApplicationProcess";
    static final String DECISION_TYPICAL_PLAN = "TypicalSupplyPlan";

    /** The overall limit's timer, moved when the supply plan decides the external-line work. */
    static final String BOUNDARY_EVENT_CONNECTION_OVERDUE = "BoundaryEvent_ConnectionOverdue";

    /** Camunda extension properties on activities. */
    static final String PROPERTY_STAGE = "stage";
    static final String PROPERTY_DEPARTMENT = "department";
    /** On an activity that waits on the applicant: the pause reason the process starts and ends around it. */
    static final String PROPERTY_PAUSE = "pause";

    /** Process variables: few, typed, and only what gateways and limits need. The rest lives in the application's tables. */
    /** The business key again, as a variable, because Tasklist shows variables (not business keys) on task cards. */
    static final String VAR_APPLICATION_NO = "applicationNo";
    static final String VAR_VOLTAGE_CLASS = "voltageClass";
    static final String VAR_CAPACITY_KVA = "capacityKva";
    static final String VAR_CUSTOMER_TYPE = "customerType";
    static final String VAR_EXTERNAL_LINE_WORK = "externalLineWork";
    static final String VAR_REQUIRED_PERMITS = "requiredPermits";
    static final String VAR_APPLICANT_CONFIRMATION = "applicantConfirmation";

    private ConnectionProcess() {
    }
}
