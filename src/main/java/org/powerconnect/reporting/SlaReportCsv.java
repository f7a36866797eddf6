package org.powerconnect.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The report as one CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, a
 * quote or a line break, quotes doubled). The first column {@code section} says which part of the report a row
 * belongs to ({@code report}, {@code byDepartmentAndStage}, {@code byVoltageClass}, {@code atRisk}); one header
 * row names the union of the sections' columns, and a row leaves empty the columns its section does not have.
 * Instants are written at the office's offset, as in the JSON answer.
 */
final class SlaReportCsv {

    static final List<String> COLUMNS = List.of("section", "from", "to", "generatedAt", "department", "stage",
            "clocks", "onTime", "onTimeShare", "breaches", "meanWorkingDays", "p90WorkingDays", "voltageClass",
            "applications", "targetWorkingDays", "withinTarget", "applicationNo", "dueAt", "breached", "provisional");

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final ZoneId zone;

    SlaReportCsv(ZoneId zone) {
        this.zone = zone;
    }

    String write(SlaReport report) {
        StringBuilder csv = new StringBuilder();
        line(csv, COLUMNS.toArray());
        Row head = new Row("report");
        head.set("from", report.from()).set("to", report.to()).set("generatedAt", report.generatedAt());
        line(csv, head.values);
        for (SlaReport.DepartmentStage d : report.byDepartmentAndStage()) {
            line(csv, new Row("byDepartmentAndStage").set("department", d.department()).set("stage", d.stage())
                    .set("clocks", d.clocks()).set("onTime", d.onTime()).set("onTimeShare", d.onTimeShare())
                    .set("breaches", d.breaches()).set("meanWorkingDays", d.meanWorkingDays())
                    .set("p90WorkingDays", d.p90WorkingDays()).values);
        }
        for (SlaReport.VoltageClassLine v : report.byVoltageClass()) {
            line(csv, new Row("byVoltageClass").set("voltageClass", v.voltageClass())
                    .set("applications", v.applications()).set("meanWorkingDays", v.meanWorkingDays())
                    .set("targetWorkingDays", v.targetWorkingDays()).set("withinTarget", v.withinTarget()).values);
        }
        for (SlaReport.AtRisk a : report.atRisk()) {
            line(csv, new Row("atRisk").set("applicationNo", a.applicationNo()).set("stage", a.stage())
                    .set("department", a.department()).set("dueAt", a.dueAt()).set("breached", a.breached())
                    .set("provisional", a.provisional()).values);
        }
        return csv.toString();
    }

    private final class Row {
        private final Object[] values = new Object[COLUMNS.size()];

        Row(String section) {
            values[0] = section;
        }

        Row set(String column, Object value) {
            int index = COLUMNS.indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException("no CSV column " + column);
            }
            values[index] = value;
            return this;
        }
    }

    private void line(StringBuilder csv, Object[] values) {
        List<String> fields = new ArrayList<>(values.length);
        Arrays.stream(values).forEach(value -> fields.add(quote(text(value))));
        csv.append(String.join(",", fields)).append("\r\n");
    }

    private String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Instant instant) {
            return INSTANT.format(instant.atZone(zone));
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }

    static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\r") || field.contains("\n")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }
}
