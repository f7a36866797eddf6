/**
 * Metrics for supervisors and operators, under the prefix {@code powerconnect_} at {@code /actuator/prometheus}:
 * applications, connection and stage times in working days, warnings and breaches as they are committed, open
 * and at-risk work read from the database on a schedule, the calendar's last covered day, mail and engine jobs.
 * The dashboards and alert rules that use them are in {@code grafana/}.
 */
package org.powerconnect.monitoring;
