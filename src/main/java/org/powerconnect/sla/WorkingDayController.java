package org.powerconnect.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.powerconnect.web.ApiProblem;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A deadline calculator for staff and applicants: the same arithmetic the SLA clocks use. */
@RestController
@RequestMapping(path = "/api/working-days", produces = MediaType.APPLICATION_JSON_VALUE)
class WorkingDayController {

    /** Far outside the calendar's data a due date means nothing (and 1900 had no +08:00 yet). */
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2099;

    private final DeadlineCalculator deadlines;

    WorkingDayController(DeadlineCalculator deadlines) {
        this.deadlines = deadlines;
    }

    /**
     * @param from an ISO date (an event during office hours of that day), an instant with offset, or a local
     *             date-time in the office's zone
     */
    @GetMapping("/due")
    DueAnswer due(@RequestParam String from, @RequestParam @Min(0) @Max(366) int workingDays) {
        DeadlineCalculator.Deadline deadline = parse(from, workingDays);
        WorkingDayCalendar calendar = deadlines.calendar();
        return new DueAnswer(from, workingDays, deadline.countedFrom(), deadline.dueDate(), deadline.dueAt(),
                deadline.provisional(), calendar.lastCoveredDate());
    }

    private DeadlineCalculator.Deadline parse(String from, int workingDays) {
        DeadlineCalculator.Deadline deadline = read(from, workingDays);
        if (deadline.countedFrom().getYear() < FIRST_YEAR || deadline.dueDate().getYear() > LAST_YEAR) {
            throw ApiProblem.invalid("from", "must lie between " + FIRST_YEAR + " and " + LAST_YEAR
                    + ", with its due date; the official calendar has data for " + deadlines.calendar().firstCoveredDate()
                    + " to " + deadlines.calendar().lastCoveredDate());
        }
        return deadline;
    }

    private DeadlineCalculator.Deadline read(String from, int workingDays) {
        try {
            if (from.length() == 10) {
                return deadlines.dueAfter(LocalDate.parse(from), workingDays);
            }
            if (from.endsWith("Z") || from.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                return deadlines.dueAfter(OffsetDateTime.parse(from).toInstant(), workingDays);
            }
            Instant local = LocalDateTime.parse(from).atZone(deadlines.zone()).toInstant();
            return deadlines.dueAfter(local, workingDays);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid("from", "must be an ISO date (2026-12-03), an instant with offset "
                    + "(2026-12-03T18:00:00+08:00) or a local date-time in " + deadlines.zone() + " (2026-12-03T18:00)");
        }
    }

    /**
     * @param calendarCoversUntil the last date with official data; a due date after it is provisional
     */
    record DueAnswer(String from, int workingDays, LocalDate countedFrom, LocalDate dueDate, Instant dueAt,
            boolean provisional, LocalDate calendarCoversUntil) {
    }
}
