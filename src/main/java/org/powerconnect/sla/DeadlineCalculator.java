package org.powerconnect.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns "within N working days of an event" into a due instant.
 *
 * <p>All dates are taken in the office's zone, never the server's. An event at or after the office cut-off
 * counts as an event of the next calendar day, and a period ends at the cut-off of its last working day
 * (the end of the office's working day). Immutable and thread-safe.
 */
public final class DeadlineCalculator {

    private static final Logger log = LoggerFactory.getLogger(DeadlineCalculator.class);

    private final WorkingDayCalendar calendar;
    private final ZoneId zone;
    private final LocalTime officeCutoff;

    public DeadlineCalculator(WorkingDayCalendar calendar, ZoneId zone, LocalTime officeCutoff) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.officeCutoff = Objects.requireNonNull(officeCutoff, "officeCutoff");
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalTime officeCutoff() {
        return officeCutoff;
    }

    /** The day an event counts as: its date in the office's zone, or the next day if it came at or after the cut-off. */
    public LocalDate countedDay(Instant event) {
        Objects.requireNonNull(event, "event");
        ZonedDateTime local = event.atZone(zone);
        LocalDate day = local.toLocalDate();
        return local.toLocalTime().isBefore(officeCutoff) ? day : day.plusDays(1);
    }

    /** Due at the cut-off of the n-th working day after the day the event counts as. */
    public Deadline dueAfter(Instant event, int workingDays) {
        return dueAfter(countedDay(event), workingDays);
    }

    /** Due at the cut-off of the n-th working day after an event during office hours of {@code eventDay}. */
    public Deadline dueAfter(LocalDate eventDay, int workingDays) {
        Objects.requireNonNull(eventDay, "eventDay");
        WorkingDate due = calendar.addWorkingDays(eventDay, workingDays);
        Instant dueAt = due.date().atTime(officeCutoff).atZone(zone).toInstant();
        return new Deadline(eventDay, workingDays, due.date(), dueAt, due.provisional());
    }

    /**
     * The working days a pause from {@code start} to {@code end} takes out of a clock. A pause's start and end
     * are events like any other: the day the pause starts still counts, and the count resumes the day after
     * the pause ends; so the paused days are the working days after the start's counted day up to and
     * including the end's counted day (both after the office cut-off rule). A pause within one day takes none.
     */
    public int workingDaysPaused(Instant start, Instant end) {
        return calendar.workingDaysBetween(countedDay(start), countedDay(end));
    }

    /**
     * The working days a clock counted from {@code countedFrom} has used by {@code end}: the working days after
     * its counted-from day up to the day {@code end} counts as, less the days pauses took out (never below 0).
     * Reports and timelines both count this way.
     */
    public int workingDaysUsed(LocalDate countedFrom, Instant end, int pausedWorkingDays) {
        return Math.max(0, calendar.workingDaysBetween(countedFrom, countedDay(end)) - pausedWorkingDays);
    }

    /**
     * How many working days are left until {@code dueAt}, seen at {@code now}, in office-zone dates: the
     * working days after today up to and including the due day (0: due today); once overdue, minus the working
     * days after the due day up to and including today (0: overdue since earlier today).
     */
    public int workingDaysLeft(Instant now, Instant dueAt) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate dueDay = dueAt.atZone(zone).toLocalDate();
        return now.isBefore(dueAt) ? calendar.workingDaysBetween(today, dueDay)
                : -calendar.workingDaysBetween(dueDay, today);
    }

    /** A due date moved later by {@code workingDays} working days, due at the cut-off of its new day. */
    public Deadline postpone(LocalDate dueDate, int workingDays, boolean provisional) {
        WorkingDate moved = calendar.addWorkingDays(dueDate, workingDays);
        Instant dueAt = moved.date().atTime(officeCutoff).atZone(zone).toInstant();
        return new Deadline(dueDate, workingDays, moved.date(), dueAt, provisional || moved.provisional());
    }

    /** The due instant at the office zone's offset, for display and for APIs that want a local time. */
    public OffsetDateTime dueAtLocal(Deadline deadline) {
        return deadline.dueAt().atZone(zone).toOffsetDateTime();
    }

    /**
     * Logs a provisional deadline at WARN, so that a missing year of calendar data is noticed. The SLA clocks
     * call this for every clock they start; the public calculator does not, so anonymous callers cannot fill
     * the log.
     *
     * @param subject what is due, e.g. "Application YC-20261203-000042, supply-plan"
     */
    public void warnIfProvisional(Deadline deadline, String subject) {
        if (!deadline.provisional()) {
            return;
        }
        if (deadline.dueDate().isAfter(calendar.lastCoveredDate())) {
            log.warn("{}: due date {} is provisional: the working-day calendar {} has no data after {}; "
                            + "{} working day(s) counted from {} using weekends and fixed-date statutory holidays only",
                    subject, deadline.dueDate(), calendar.source(), calendar.lastCoveredDate(),
                    deadline.workingDays(), deadline.countedFrom());
        } else {
            log.warn("{}: due date {} is provisional: the working-day calendar {} has no data before {}; "
                            + "{} working day(s) counted from {} using weekends and fixed-date statutory holidays only",
                    subject, deadline.dueDate(), calendar.source(), calendar.firstCoveredDate(),
                    deadline.workingDays(), deadline.countedFrom());
        }
    }

    /**
     * When a clock of {@code workingDays} working days started on {@code countedFrom} runs out.
     *
     * @param countedFrom the event day after the office cut-off rule; the count starts the day after it
     * @param dueDate     the last working day of the period
     * @param dueAt       the office cut-off time on {@code dueDate}
     * @param provisional true if the due date rests on estimated working days (a year without announced data)
     */
    public record Deadline(LocalDate countedFrom, int workingDays, LocalDate dueDate, Instant dueAt,
            boolean provisional) {

        public Deadline {
            Objects.requireNonNull(countedFrom, "countedFrom");
            Objects.requireNonNull(dueDate, "dueDate");
            Objects.requireNonNull(dueAt, "dueAt");
            if (workingDays < 0) {
                throw new IllegalArgumentException("workingDays must not be negative: " + workingDays);
            }
        }
    }
}
