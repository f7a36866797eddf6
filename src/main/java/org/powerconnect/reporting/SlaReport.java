package org.powerconnect.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The supervisors' SLA report over a period of Asia/Shanghai dates, both inclusive.
 *
 * @param byDepartmentAndStage completed stage clocks and fired breaches of the period, per department and stage
 *                             ({@code overall} excluded)
 * @param byVoltageClass       completed overall clocks of the period (applications powered on), per voltage class
 * @param atRisk               running clocks that are breached or due within one working day, whatever the period
 */
public record SlaReport(
        LocalDate from,
        LocalDate to,
        Instant generatedAt,
        List<DepartmentStage> byDepartmentAndStage,
        List<VoltageClassLine> byVoltageClass,
        List<AtRisk> atRisk) {

    /**
     * @param clocks          clocks completed in the period
     * @param onTime          of those, completed by their (current) due time and without a breach
     * @param onTimeShare     onTime / clocks to 4 decimals; null without clocks
     * @param breaches        breaches fired in the period
     * @param meanWorkingDays mean working days used by the completed clocks, to 2 decimals; null without clocks
     * @param p90WorkingDays  90th percentile of the working days used (nearest rank); null without clocks
     */
    public record DepartmentStage(String department, String stage, int clocks, int onTime, BigDecimal onTimeShare,
            int breaches, BigDecimal meanWorkingDays, Integer p90WorkingDays) {
    }

    /**
     * @param applications      overall clocks completed in the period
     * @param meanWorkingDays   their mean working days used, to 2 decimals; null without applications
     * @param targetWorkingDays the measures' target for the average (70 high voltage, 20 low voltage); null if none
     * @param withinTarget      mean ≤ target; null without a target or without applications
     */
    public record VoltageClassLine(String voltageClass, int applications, BigDecimal meanWorkingDays,
            Integer targetWorkingDays, Boolean withinTarget) {
    }

    /**
     * @param breached    a breach was recorded, or the due time has passed
     * @param provisional the due date rests on an estimated calendar year
     */
    public record AtRisk(String applicationNo, String stage, String department, Instant dueAt, boolean breached,
            boolean provisional) {
    }
}
