package org.powerconnect.timeline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.powerconnect.intake.Application;
import org.powerconnect.intake.Applications;
import org.powerconnect.sla.DeadlineCalculator;
import org.powerconnect.sla.SlaClock;
import org.powerconnect.sla.SlaClocks;
import org.powerconnect.sla.SlaHistory;
import org.powerconnect.sla.SlaPause;
import org.powerconnect.sla.SlaPauses;
import org.powerconnect.sla.WorkingDayCalendar;
import org.powerconnect.supplyplan.SupplyPlan;
import org.powerconnect.supplyplan.SupplyPlans;
import org.powerconnect.timeline.ApplicationTimeline.ClockPause;
import org.powerconnect.timeline.ApplicationTimeline.ClockTimeline;
import org.powerconnect.timeline.ApplicationTimeline.DueChange;
import org.powerconnect.timeline.ApplicationTimeline.HeldClock;
import org.powerconnect.timeline.ApplicationTimeline.PauseEntry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Puts together an application's timeline from its clocks, pauses, warnings, breaches and due-date moves. */
@Service
public class Timelines {

    private final Applications applications;
    private final SupplyPlans supplyPlans;
    private final SlaClocks clocks;
    private final SlaPauses pauses;
    private final SlaHistory history;
    private final DeadlineCalculator deadlines;
    private final Clock clock;

    Timelines(Applications applications, SupplyPlans supplyPlans, SlaClocks clocks, SlaPauses pauses,
            SlaHistory history, DeadlineCalculator deadlines, Clock clock) {
        this.applications = applications;
        this.supplyPlans = supplyPlans;
        this.clocks = clocks;
        this.pauses = pauses;
        this.history = history;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** The application's timeline as of now (the engine's clock); empty for an unknown application. */
    @Transactional(readOnly = true)
    public Optional<ApplicationTimeline> of(String applicationNo) {
        Optional<Application> application = applications.find(applicationNo);
        if (application.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<SlaPause> allPauses = pauses.of(applicationNo).stream()
                .sorted(Comparator.comparing(SlaPause::startedAt).thenComparingLong(SlaPause::id)).toList();
        Map<Long, Instant> warnings = history.warningsOf(applicationNo);
        Map<Long, List<SlaHistory.DueChange>> dueChanges = history.dueChangesOf(applicationNo);
        List<ClockTimeline> timelines = clocks.clocksOf(applicationNo).stream()
                .map(c -> timeline(c, allPauses, dueChanges.getOrDefault(c.id(), List.of()), warnings.get(c.id()), now))
                .toList();
        return Optional.of(new ApplicationTimeline(applicationNo, application.get().status(),
                application.get().voltageClass(),
                supplyPlans.find(applicationNo).map(SupplyPlan::externalLineWork).orElse(null), now, timelines,
                allPauses.stream().map(Timelines::entry).toList()));
    }

    private ClockTimeline timeline(SlaClock c, List<SlaPause> allPauses, List<SlaHistory.DueChange> changes,
            Instant warnedAt, Instant now) {
        WorkingDayCalendar calendar = deadlines.calendar();
        List<ClockPause> held = new ArrayList<>();
        List<ClockExplanation.HeldBy> heldBy = new ArrayList<>();
        int soFar = 0;
        for (SlaPause pause : allPauses) {
            for (SlaPause.HeldClock h : pause.clocks()) {
                if (h.clockId() != c.id()) {
                    continue;
                }
                Integer pausedSoFar = null;
                if (h.workingDays() == null && c.isRunning()) {
                    // a running pause still holds this clock: count what it has taken so far
                    pausedSoFar = deadlines.workingDaysPaused(pause.startedAt(), now);
                    soFar += pausedSoFar;
                }
                ClockPause entry = new ClockPause(pause.id(), pause.reason(), pause.comment(), pause.startedAt(),
                        pause.endedAt(), pause.isRunning(), h.workingDays(), pausedSoFar);
                held.add(entry);
                heldBy.add(new ClockExplanation.HeldBy(entry, effectiveEnd(c, pause, h)));
            }
        }
        LocalDate today = deadlines.countedDay(now);
        int used = deadlines.workingDaysUsed(c.countedFrom(), c.completedAt() == null ? now : c.completedAt(),
                c.pausedWorkingDays() + soFar);
        Integer left = null;
        if (c.isRunning()) {
            LocalDate due = soFar > 0 ? deadlines.postpone(c.dueDate(), soFar, c.provisional()).dueDate() : c.dueDate();
            if (!today.isAfter(due)) {
                left = calendar.workingDaysBetween(today, due);
            } else {
                LocalDate workingToday = calendar.addWorkingDays(today, 0).date();
                left = -calendar.workingDaysBetween(due, workingToday);
            }
        }
        List<DueChange> moves = changes.stream()
                .map(change -> new DueChange(change.oldDueAt(), change.newDueAt(), change.cause(), change.changedAt()))
                .toList();
        String explanation = new ClockExplanation(deadlines, c, heldBy, moves, warnedAt, used, left).text();
        return new ClockTimeline(c.id(), c.stage().key(), c.department().key(), c.startedAt(), c.countedFrom(),
                c.limitWorkingDays(), c.limitBasis(), c.originalDueAt(), c.dueAt(), c.provisional(),
                c.pausedWorkingDays(), List.copyOf(held), moves, c.completedAt(), c.outcome().name(), used, left,
                warnedAt, c.breachedAt(), explanation);
    }

    /**
     * When the pause stopped holding the clock: its end, or the clock's completion if that came first (a clock
     * completed during a pause is settled then); null while it holds it.
     */
    private static Instant effectiveEnd(SlaClock c, SlaPause pause, SlaPause.HeldClock held) {
        if (c.completedAt() != null && (pause.endedAt() == null || c.completedAt().isBefore(pause.endedAt()))) {
            return held.workingDays() == null ? null : c.completedAt();
        }
        return pause.endedAt();
    }

    private static PauseEntry entry(SlaPause pause) {
        return new PauseEntry(pause.id(), pause.reason(), pause.comment(), pause.startedBy(), pause.startedAt(),
                pause.endedBy(), pause.endedAt(), pause.isRunning(), pause.clocks().stream()
                        .map(h -> new HeldClock(h.clockId(), h.stage().key(), h.department().key(), h.workingDays()))
                        .toList());
    }
}
