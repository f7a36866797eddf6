package org.powerconnect.sla;

import java.time.Instant;
import java.time.LocalDate;

import org.powerconnect.connection.Department;
import org.powerconnect.connection.Stage;

/**
 * The time limit of one stage occurrence of one application: when it started, what it is due by, and how
 * it ended.
 *
 * @param countedFrom the day the count starts from (the start day, or the next day after the office cut-off)
 * @param limitBasis  the facts the limit was chosen by, e.g. "HIGH_VOLTAGE, WITH_EXCAVATION"
 * @param provisional the due date runs past the calendar's data and may move when the next year's notice is loaded
 * @param breachedAt  when the breach was recorded, or null
 * @param dueDate     the current due date: the original one moved by pauses (and by a re-based limit)
 * @param originalDueDate the due date the clock started with, kept for explaining every later move
 * @param pausedWorkingDays the working days that ended pauses added to the due date
 * @param warnAt      when the clock warns before it breaches; moves with the due date
 */
public record SlaClock(
        long id,
        String applicationNo,
        String scopeKey,
        String activity,
        Stage stage,
        Department department,
        Instant startedAt,
        LocalDate countedFrom,
        int limitWorkingDays,
        String limitBasis,
        LocalDate dueDate,
        Instant dueAt,
        boolean provisional,
        Instant completedAt,
        Outcome outcome,
        Instant breachedAt,
        LocalDate originalDueDate,
        Instant originalDueAt,
        int pausedWorkingDays,
        Instant warnAt) {

    public enum Outcome {
        RUNNING,
        COMPLETED,
        /** The stage was left without finishing its work, e.g. a permit request withdrawn after another permit was rejected. */
        CANCELLED
    }

    public boolean isRunning() {
        return outcome == Outcome.RUNNING;
    }

    public boolean isBreached() {
        return breachedAt != null;
    }
}
