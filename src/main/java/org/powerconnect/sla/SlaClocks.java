package org.powerconnect.sla;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.powerconnect.connection.ExternalLineWork;
import org.powerconnect.connection.Stage;
import org.powerconnect.connection.VoltageClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts, completes and breaches SLA clocks. The workflow calls it from its listeners and timers, inside
 * the engine's transaction, so a clock and the process state it belongs to commit together.
 */
@Service
@Transactional
public class SlaClocks {

    private static final Logger log = LoggerFactory.getLogger(SlaClocks.class);

    private final SlaClockRepository clocks;
    private final SlaSettings settings;
    private final DeadlineCalculator deadlines;
    private final SlaPauses pauses;
    private final SlaTimerControl timers;
    private final ApplicationEventPublisher events;

    SlaClocks(SlaClockRepository clocks, SlaSettings settings, DeadlineCalculator deadlines, SlaPauses pauses,
            SlaTimerControl timers, ApplicationEventPublisher events) {
        this.clocks = clocks;
        this.settings = settings;
        this.deadlines = deadlines;
        this.pauses = pauses;
        this.timers = timers;
        this.events = events;
    }

    /**
     * The clock of a stage occurrence, started now if it is not running yet. Timers and task listeners both
     * call this, in whatever order the engine runs them, and get the same clock and due date.
     *
     * @return empty for a stage without a limit of its own (power-on)
     */
    public Optional<SlaClock> startOrGet(ClockStart start) {
        Optional<SlaPolicy.Limit> limit = settings.policy().limitFor(start.stage(), start.voltageClass(), start.externalLineWork());
        if (limit.isEmpty()) {
            return Optional.empty();
        }
        Optional<SlaClock> existing = clocks.findByScopeKey(start.scopeKey());
        if (existing.isPresent()) {
            return existing;
        }
        DeadlineCalculator.Deadline deadline = deadlines.dueAfter(start.startedAt(), limit.get().workingDays());
        deadlines.warnIfProvisional(deadline, "Application " + start.applicationNo() + ", " + start.stage());
        long id = clocks.insert(start, deadline.countedFrom(), limit.get(), deadline,
                settings.warnAt(start.stage(), deadline, start.startedAt()));
        return clocks.findById(id);
    }

    /**
     * Applies the limit that fits the external-line work the supply plan decided, counted from the clock's
     * original start plus the working days ended pauses took out, and moves its timer (unless a pause holds
     * it). Used for the overall clock, whose limit depends on the plan.
     */
    public SlaClock rebase(SlaClock clock, VoltageClass voltageClass, ExternalLineWork externalLineWork, Instant at) {
        SlaPolicy.Limit limit = settings.policy().limitFor(clock.stage(), voltageClass, externalLineWork).orElseThrow();
        DeadlineCalculator.Deadline deadline = deadlines.dueAfter(clock.startedAt(), limit.workingDays());
        if (clock.pausedWorkingDays() > 0) {
            // pauses that have ended keep the days they earned
            deadline = deadlines.postpone(deadline.dueDate(), clock.pausedWorkingDays(), deadline.provisional());
        }
        deadlines.warnIfProvisional(deadline, "Application " + clock.applicationNo() + ", " + clock.stage());
        clocks.updateLimit(clock.id(), limit, deadline, settings.warnAt(clock.stage(), deadline, clock.startedAt()));
        if (!deadline.dueAt().equals(clock.dueAt())) {
            clocks.insertDueChange(clock.id(), clock.dueAt(), deadline.dueAt(), "supply plan decided "
                    + externalLineWork + ": limit " + limit.workingDays() + " working days (" + limit.basis() + ")",
                    at);
        }
        log.info("Application {}: {} limit is now {} working days ({}), due {}", clock.applicationNo(), clock.stage(),
                limit.workingDays(), limit.basis(), deadlines.dueAtLocal(deadline));
        SlaClock rebased = clocks.findById(clock.id()).orElseThrow();
        if (!pauses.isHeld(rebased)) {
            timers.moveTo(rebased);
        }
        return rebased;
    }

    /** Stops the clock of a finished stage; finishing after the due time is a breach, even if no timer fired yet. */
    public void complete(String scopeKey, Instant at) {
        clocks.findByScopeKey(scopeKey).filter(SlaClock::isRunning).map(clock -> pauses.settleOnCompletion(clock, at))
                .ifPresent(clock -> {
                    clocks.finish(clock.id(), SlaClock.Outcome.COMPLETED, at);
                    boolean late = at.isAfter(clock.dueAt());
                    if (late) {
                        recordBreach(clock, at);
                    }
                    pauses.afterClockFinished(clock, at);
                    // on time: neither late now nor breached before (a timer that fired, then a pause moved the due date)
                    events.publishEvent(new SlaClockCompleted(clock, at,
                            deadlines.workingDaysUsed(clock.countedFrom(), at, clock.pausedWorkingDays()),
                            !late && !clock.isBreached()));
                });
    }

    /** Stops the clock of a stage that was left unfinished; what was late until then stays recorded. */
    public void cancel(String scopeKey, Instant at) {
        clocks.findByScopeKey(scopeKey).filter(SlaClock::isRunning).ifPresent(clock -> {
            clocks.finish(clock.id(), SlaClock.Outcome.CANCELLED, at);
            pauses.afterClockFinished(clock, at);
        });
    }

    /**
     * Records that a clock passed its due time. Idempotent: a retried timer job, or a late completion after
     * the timer fired, leaves exactly one breach.
     *
     * @return whether this call recorded it
     */
    public boolean recordBreach(SlaClock clock, Instant firedAt) {
        boolean recorded = clocks.insertBreachOnce(clock, firedAt);
        if (recorded) {
            log.info("SLA breach: application {} stage {} ({}) was due {}", clock.applicationNo(), clock.stage(),
                    clock.department(), clock.dueAt().atZone(deadlines.zone()).toOffsetDateTime());
            events.publishEvent(new SlaBreachRecorded(clock, firedAt));
        }
        return recorded;
    }

    @Transactional(readOnly = true)
    public Optional<SlaClock> running(String applicationNo, String activity) {
        return clocks.findRunning(applicationNo, activity);
    }

    @Transactional(readOnly = true)
    public Optional<SlaClock> running(String applicationNo, Stage stage) {
        return clocks.findRunning(applicationNo, stage);
    }

    @Transactional(readOnly = true)
    public List<SlaClock> clocksOf(String applicationNo) {
        return clocks.findByApplication(applicationNo);
    }

    @Transactional(readOnly = true)
    public List<SlaBreach> breachesOf(String applicationNo) {
        return clocks.findBreaches(applicationNo);
    }
}
