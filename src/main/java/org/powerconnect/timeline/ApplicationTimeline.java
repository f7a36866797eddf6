package org.powerconnect.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.powerconnect.connection.ExternalLineWork;
import org.powerconnect.connection.VoltageClass;
import org.powerconnect.intake.ApplicationStatus;
import org.powerconnect.sla.PauseReason;

/**
 * An application's deadlines, as {@code GET /api/applications/{applicationNo}/timeline} shows them.
 *
 * @param externalLineWork null until the supply plan decides it
 * @param asOf             the moment the timeline was read ("now", the engine's clock): running clocks' working
 *                         days used and left are counted to it
 * @param clocks           every SLA clock, in the order they started
 * @param pauses           every pause of the application, in the order they started
 */
public record ApplicationTimeline(
        String applicationNo,
        ApplicationStatus status,
        VoltageClass voltageClass,
        ExternalLineWork externalLineWork,
        Instant asOf,
        List<ClockTimeline> clocks,
        List<PauseEntry> pauses) {

    /**
     * One clock from start to end.
     *
     * @param countedFrom       the day the count starts after: the start day, or the next day when it started at
     *                          or after the office cut-off
     * @param limitWorkingDays  the current limit (a re-based limit replaces the one the clock started with)
     * @param limitBasis        the facts the limit was chosen by, e.g. "HIGH_VOLTAGE"
     * @param originalDueAt     the due time the clock started with
     * @param dueAt             the current due time: the original one moved by pauses and due changes
     * @param pausedWorkingDays the working days that pauses have added to the due date (ended pauses only)
     * @param pauses            every pause that held the clock, in the order they started
     * @param dueChanges        the recorded moves of the due date that were not pauses, in the order made
     * @param outcome           RUNNING, COMPLETED or CANCELLED
     * @param workingDaysUsed   working days the clock has run: the working days after {@code countedFrom} up to
     *                          and including the counted day of its end (for a running clock, of now), less the
     *                          working days paused (including what a running pause has taken so far); never below 0
     * @param workingDaysLeft   running clocks only, else null. With {@code t} the counted day of now (today, or
     *                          tomorrow from 17:00) and {@code D} the due date (for a clock that a running pause
     *                          holds: the due date that pause has earned so far, i.e. the one it would get if the
     *                          pause ended now): if {@code t <= D}, the number of working days {@code d} with
     *                          {@code t < d <= D}, so 0 means due at 17:00 today and 1 due at 17:00 on the next
     *                          working day; if {@code t > D} (the due time has passed), minus the number of working
     *                          days {@code d} with {@code D < d <= t'}, {@code t'} being {@code t} if it is a working
     *                          day, else the next working day; so it is -1 from 17:00 of the due date until the
     *                          end of the next working day, and negative exactly when the clock is overdue
     * @param warnedAt          when the warning before the due time was recorded, or null
     * @param breachedAt        when the breach was recorded, or null
     * @param explanation       the clock's deadline in plain English, dates in the office's zone
     */
    public record ClockTimeline(
            long id,
            String stage,
            String department,
            Instant startedAt,
            LocalDate countedFrom,
            int limitWorkingDays,
            String limitBasis,
            Instant originalDueAt,
            Instant dueAt,
            boolean provisional,
            int pausedWorkingDays,
            List<ClockPause> pauses,
            List<DueChange> dueChanges,
            Instant completedAt,
            String outcome,
            int workingDaysUsed,
            Integer workingDaysLeft,
            Instant warnedAt,
            Instant breachedAt,
            String explanation) {
    }

    /**
     * A pause as it held one clock.
     *
     * @param endedAt            null while the pause runs
     * @param movedByWorkingDays how far the pause moved this clock's due date; null while it holds the clock
     * @param workingDaysSoFar   while it holds the clock, the working days it has taken so far (what it would move
     *                           the due date by if it ended now); else null
     */
    public record ClockPause(long pauseId, PauseReason reason, String comment, Instant startedAt, Instant endedAt,
            boolean running, Integer movedByWorkingDays, Integer workingDaysSoFar) {
    }

    /** A move of a clock's due date that was not a pause. */
    public record DueChange(Instant from, Instant to, String cause, Instant at) {
    }

    /** A pause of the application, with the clocks it held. */
    public record PauseEntry(long id, PauseReason reason, String comment, String startedBy, Instant startedAt,
            String endedBy, Instant endedAt, boolean running, List<HeldClock> clocks) {
    }

    /** @param movedByWorkingDays how far the pause moved the clock's due date; null while it holds it */
    public record HeldClock(long clockId, String stage, String department, Integer movedByWorkingDays) {
    }
}
