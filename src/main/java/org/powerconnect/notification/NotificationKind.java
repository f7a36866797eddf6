package org.powerconnect.notification;

import java.util.Arrays;
import java.util.Optional;

/** What a mail reports, and to whom it goes. */
public enum NotificationKind {
    TASK_ASSIGNED("task-assigned", Audience.DEPARTMENT),
    SLA_WARNING("sla-warning", Audience.DEPARTMENT),
    /** A stage's breach: its department, with the supervisors in copy. */
    SLA_BREACH("sla-breach", Audience.DEPARTMENT_AND_SUPERVISORS),
    /** The whole application is late: the supervisors. */
    OVERALL_BREACH("overall-breach", Audience.SUPERVISORS),
    APPLICATION_ACCEPTED("application-accepted", Audience.APPLICANT),
    SUPPLY_PLAN_READY("supply-plan-ready", Audience.APPLICANT),
    POWER_ON("power-on", Audience.APPLICANT);

    enum Audience { DEPARTMENT, DEPARTMENT_AND_SUPERVISORS, SUPERVISORS, APPLICANT }

    private final String key;
    private final Audience audience;

    NotificationKind(String key, Audience audience) {
        this.key = key;
        this.audience = audience;
    }

    public String key() {
        return key;
    }

    Audience audience() {
        return audience;
    }

    static Optional<NotificationKind> ofKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return key;
    }
}
