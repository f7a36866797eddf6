package org.powerconnect.sla;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the due dates of running clocks on a working-day calendar, after the calendar data changed (the
 * next year's State Council notice, or an emergency extension like early 2020). Each clock keeps the limit it
 * started with and the working days its ended pauses took out; a provisional date becomes final once its year
 * is covered. Every change is recorded with its cause, and the clock's timer and task move with it. Completed
 * clocks are history and stay as they were.
 */
@Service
public class SlaRecalculation {

    private static final Logger log = LoggerFactory.getLogger(SlaRecalculation.class);

    private final SlaClockRepository clocks;
    private final SlaSettings settings;
    private final SlaPauses pauses;
    private final SlaTimerControl timers;

    SlaRecalculation(SlaClockRepository clocks, SlaSettings settings, SlaPauses pauses, SlaTimerControl timers) {
        this.clocks = clocks;
        this.settings = settings;
        this.pauses = pauses;
        this.timers = timers;
    }

    /** @return how many running clocks got another due date (or lost their provisional mark) */
    @Transactional
    public int recalculate(DeadlineCalculator calendar, String cause, Instant now) {
        int changed = 0;
        for (SlaClock clock : clocks.findRunning()) {
            DeadlineCalculator.Deadline due = calendar.dueAfter(clock.startedAt(), clock.limitWorkingDays());
            if (clock.pausedWorkingDays() > 0) {
                due = calendar.postpone(due.dueDate(), clock.pausedWorkingDays(), due.provisional());
            }
            if (due.dueAt().equals(clock.dueAt()) && due.provisional() == clock.provisional()) {
                continue;
            }
            clocks.updateDue(clock.id(), due, settings.warnAt(clock.stage(), due, clock.startedAt()));
            clocks.insertDueChange(clock.id(), clock.dueAt(), due.dueAt(), cause, now);
            SlaClock moved = clocks.findById(clock.id()).orElseThrow();
            if (!pauses.isHeld(moved)) {
                timers.moveTo(moved);
            }
            changed++;
        }
        if (changed > 0) {
            log.info("{}: {} running SLA clock(s) got a new due date", cause, changed);
        }
        return changed;
    }
}
