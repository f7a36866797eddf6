package org.powerconnect.reporting;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.powerconnect.connection.Department;
import org.powerconnect.sla.DeadlineCalculator;
import org.powerconnect.web.ApiProblem;
import org.powerconnect.web.FieldProblem;
import org.powerconnect.web.Staff;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/sla?from=YYYY-MM-DD&to=YYYY-MM-DD}: the supervisors' SLA report, as JSON or, with
 * {@code Accept: text/csv}, as one CSV. For members of {@code supervisor} and {@code camunda-admin} only.
 */
@RestController
@RequestMapping("/api/reports")
class SlaReportController {

    static final MediaType CSV = new MediaType("text", "csv");
    static final MediaType TEXT_CSV = new MediaType(CSV, StandardCharsets.UTF_8);

    /** A year, and a leap day's margin: a period longer than that is not a report but an export. */
    static final int MAX_DAYS_APART = 366;

    private final SlaReports reports;
    private final SlaReportCsv csv;

    SlaReportController(SlaReports reports, DeadlineCalculator deadlines) {
        this.reports = reports;
        this.csv = new SlaReportCsv(deadlines.zone());
    }

    @GetMapping("/sla")
    ResponseEntity<?> sla(@RequestParam String from, @RequestParam String to,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, Authentication authentication) {
        Staff staff = Staff.of(authentication);
        if (!staff.belongsTo(Department.SUPERVISOR) && !staff.isAdmin()) {
            throw ApiProblem.forbidden("the SLA report is for members of " + Department.SUPERVISOR.key() + " and "
                    + Staff.ADMIN_GROUP + "; " + staff.userId() + " is neither");
        }
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate fromDate = date("from", from, problems);
        LocalDate toDate = date("to", to, problems);
        if (fromDate != null && toDate != null) {
            if (toDate.isBefore(fromDate)) {
                problems.add(new FieldProblem("to", "must not be before from (" + fromDate + ")"));
            } else if (ChronoUnit.DAYS.between(fromDate, toDate) > MAX_DAYS_APART) {
                problems.add(new FieldProblem("to", "must be at most " + MAX_DAYS_APART + " days after from ("
                        + fromDate + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        SlaReport report = reports.report(fromDate, toDate);
        if (wantsCsv(accept)) {
            return ResponseEntity.ok().contentType(TEXT_CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=\"sla-report-" + fromDate + "-" + toDate + ".csv\"")
                    .body(csv.write(report).getBytes(StandardCharsets.UTF_8));
        }
        // no preset content type: an Accept header that allows neither JSON nor CSV gets 406
        return ResponseEntity.ok().body(report);
    }

    private static LocalDate date(String field, String text, List<FieldProblem> problems) {
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                // falls through to the problem below
            }
        }
        problems.add(new FieldProblem(field, "must be a date YYYY-MM-DD (Asia/Shanghai), e.g. 2026-03-01"));
        return null;
    }

    /**
     * Whether the client prefers CSV: the first type of the highest quality that is either CSV or JSON decides;
     * {@code *}{@code /*} and no Accept header mean JSON.
     */
    static boolean wantsCsv(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : accepted) {
            if (type.getQualityValue() == 0) {
                continue;
            }
            if (type.isWildcardType()) {
                return false;
            }
            if (type.isCompatibleWith(CSV)) {
                return true;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return false;
            }
        }
        return false;
    }
}
