package org.powerconnect.sla;

import java.time.Instant;

import org.powerconnect.connection.Department;
import org.powerconnect.connection.ExternalLineWork;
import org.powerconnect.connection.Stage;
import org.powerconnect.connection.VoltageClass;

/**
 * What it takes to start a clock.
 *
 * @param scopeKey         the workflow's unique key of this stage occurrence: starting twice with one key returns the same clock
 * @param activity         the model element of the stage, so that a breach can find its clock
 * @param externalLineWork null while the supply plan has not decided it
 */
public record ClockStart(
        String applicationNo,
        String scopeKey,
        String activity,
        Stage stage,
        Department department,
        VoltageClass voltageClass,
        ExternalLineWork externalLineWork,
        Instant startedAt) {
}
