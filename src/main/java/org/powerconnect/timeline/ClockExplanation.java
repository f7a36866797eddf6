package org.powerconnect.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.powerconnect.sla.DeadlineCalculator;
import org.powerconnect.sla.SlaClock;
import org.powerconnect.timeline.ApplicationTimeline.ClockPause;
import org.powerconnect.timeline.ApplicationTimeline.DueChange;

/**
 * One clock's deadline in plain English, for a clerk to read out: how the due date was first counted, each move
 * in the order it happened with the due date after it, and how the clock stands or ended. Dates and times are
 * in the office's zone, e.g. "Started Thu 2026-09-24 10:00; 10 working days (HIGH_VOLTAGE) counted from
 * 2026-09-24 → due Thu 2026-10-15 17:00; paused 2 working days (APPLICANT_DOCUMENTS, Thu 2026-09-24 11:00 to
 * Tue 2026-09-29 10:00) → due Mon 2026-10-19 17:00; running: due 3 working days after today".
 */
final class ClockExplanation {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ENGLISH);

    /** @param until when the pause stopped holding the clock (its end, or the clock's end); null while it holds it */
    record HeldBy(ClockPause pause, Instant until) {
    }

    private final DeadlineCalculator deadlines;
    private final SlaClock clock;
    private final List<HeldBy> pauses;
    private final List<DueChange> dueChanges;
    private final Instant warnedAt;
    private final int workingDaysUsed;
    private final Integer workingDaysLeft;

    ClockExplanation(DeadlineCalculator deadlines, SlaClock clock, List<HeldBy> pauses, List<DueChange> dueChanges,
            Instant warnedAt, int workingDaysUsed, Integer workingDaysLeft) {
        this.deadlines = deadlines;
        this.clock = clock;
        this.pauses = pauses;
        this.dueChanges = dueChanges;
        this.warnedAt = warnedAt;
        this.workingDaysUsed = workingDaysUsed;
        this.workingDaysLeft = workingDaysLeft;
    }

    String text() {
        List<String> parts = new ArrayList<>();
        parts.add(started());
        LocalDate due = clock.originalDueDate();
        parts.add(originalLimit() + " → due " + due(due));
        for (Move move : moves()) {
            if (move.pause() != null) {
                HeldBy held = move.pause();
                ClockPause pause = held.pause();
                Integer moved = pause.movedByWorkingDays();
                if (moved == null) {
                    parts.add(clock.isRunning()
                            ? "paused since " + dayTime(pause.startedAt()) + " (" + pause.reason() + "): "
                                    + workingDays(pause.workingDaysSoFar()) + " so far, added to the due date when the pause ends"
                            : "paused from " + dayTime(pause.startedAt()) + " (" + pause.reason() + ") until the stage ended");
                    continue;
                }
                due = moved == 0 ? due : deadlines.postpone(due, moved, false).dueDate();
                String stageEnded = held.until().equals(clock.completedAt()) ? ", when the stage ended" : "";
                parts.add("paused " + workingDays(moved) + " (" + pause.reason() + ", " + dayTime(pause.startedAt())
                        + " to " + dayTime(held.until()) + stageEnded + ") → due " + (moved == 0 ? "still " : "")
                        + due(due));
            } else {
                DueChange change = move.change();
                due = change.to().atZone(deadlines.zone()).toLocalDate();
                parts.add(change.cause() + " (" + dayTime(change.at()) + ") → due " + due(due));
            }
        }
        if (!due.equals(clock.dueDate())) {
            // a move that was not recorded as a due change, e.g. a limit re-based before such moves were recorded
            parts.add("limit now " + workingDays(clock.limitWorkingDays()) + " (" + clock.limitBasis() + ") counted from "
                    + clock.countedFrom() + (clock.pausedWorkingDays() > 0
                            ? " plus the " + workingDays(clock.pausedWorkingDays()) + " paused" : "")
                    + " → due " + due(clock.dueDate()));
        }
        if (clock.provisional() && clock.isRunning()) {
            parts.add("the due date is provisional: the official calendar has no data after "
                    + deadlines.calendar().lastCoveredDate() + ", so it moves when the next year's notice is added");
        } else if (clock.provisional()) {
            parts.add("the due date was provisional: the official calendar had no data after "
                    + deadlines.calendar().lastCoveredDate());
        }
        if (warnedAt != null) {
            parts.add("warned " + dayTime(warnedAt));
        }
        if (clock.breachedAt() != null) {
            parts.add("breached " + dayTime(clock.breachedAt()));
        }
        parts.add(state());
        return String.join("; ", parts);
    }

    private String started() {
        LocalDate startDay = clock.startedAt().atZone(deadlines.zone()).toLocalDate();
        String text = "Started " + dayTime(clock.startedAt());
        if (!clock.countedFrom().equals(startDay)) {
            text += " (at or after the " + deadlines.officeCutoff() + " cut-off, so it counts as an event of "
                    + DAY.format(clock.countedFrom()) + ")";
        }
        return text;
    }

    /** The limit the clock started with; the current one unless a re-based limit replaced it. */
    private String originalLimit() {
        int limit = clock.limitWorkingDays();
        String basis = " (" + clock.limitBasis() + ")";
        if (!deadlines.dueAfter(clock.countedFrom(), limit).dueDate().equals(clock.originalDueDate())) {
            limit = deadlines.calendar().workingDaysBetween(clock.countedFrom(), clock.originalDueDate());
            basis = "";
        }
        return limit == 0
                ? "due the same working day" + basis + ", counted from " + clock.countedFrom()
                : workingDays(limit) + basis + " counted from " + clock.countedFrom();
    }

    private String state() {
        return switch (clock.outcome()) {
            case COMPLETED -> "completed " + dayTime(clock.completedAt()) + " after " + workingDays(workingDaysUsed)
                    + (clock.completedAt().isAfter(clock.dueAt()) ? ", late" : ", on time");
            case CANCELLED -> "cancelled " + dayTime(clock.completedAt()) + " after " + workingDays(workingDaysUsed);
            case RUNNING -> "running, " + workingDays(workingDaysUsed) + " used"
                    + (pauses.stream().anyMatch(p -> p.until() == null) ? ", paused now" : "") + ": "
                    + (workingDaysLeft > 0 ? "due " + workingDays(workingDaysLeft) + " after today"
                            : workingDaysLeft == 0 ? "due today" : "overdue by " + workingDays(-workingDaysLeft));
        };
    }

    /** Pauses by when they stopped holding the clock (running ones last), due changes by when they were made. */
    private List<Move> moves() {
        List<Move> moves = new ArrayList<>();
        pauses.forEach(p -> moves.add(new Move(p.until() == null ? Instant.MAX : p.until(), p, null)));
        dueChanges.forEach(c -> moves.add(new Move(c.at(), null, c)));
        moves.sort(Comparator.comparing(Move::at));
        return moves;
    }

    private record Move(Instant at, HeldBy pause, DueChange change) {
    }

    /** A due date at the cut-off, marked when it lies outside the calendar's data (an estimate). */
    private String due(LocalDate day) {
        return DAY.format(day) + " " + deadlines.officeCutoff()
                + (deadlines.calendar().covers(day) ? "" : " (provisional)");
    }

    private String dayTime(Instant instant) {
        return DAY_TIME.format(instant.atZone(deadlines.zone()));
    }

    private static String workingDays(int n) {
        return n + (n == 1 ? " working day" : " working days");
    }
}
