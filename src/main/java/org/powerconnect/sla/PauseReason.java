package org.powerconnect.sla;

/** Why an application's clocks stop: it waits on the applicant, or on the planning permit's statutory publicity. */
public enum PauseReason {
    /** Papers missing at acceptance or at a bureau's formal acceptance. */
    APPLICANT_DOCUMENTS,
    /** The applicant confirms the supply plan. */
    APPLICANT_CONFIRMATION,
    /** Works on the customer's side of the connection. */
    CUSTOMER_WORKS,
    /** The planning permit's statutory publicity period (法定公示时间), excluded from its 5 working days. */
    STATUTORY_PUBLICITY;

    /** Waiting on the applicant also stops the overall clock; the publicity stops only the planning permit. */
    public boolean waitsOnApplicant() {
        return this != STATUTORY_PUBLICITY;
    }
}
