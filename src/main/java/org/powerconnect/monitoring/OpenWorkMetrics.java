package org.powerconnect.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.powerconnect.connection.Stage;
import org.powerconnect.sla.DeadlineCalculator;
import org.powerconnect.worklist.Worklist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Open work per department and stage, read from the task table on a schedule
 * ({@code powerconnect.metrics.open-work-interval}, 30 s) and not on each scrape: one grouped query, whatever
 * the number of tasks or scrapers. Every node reports the same figures: aggregate them with {@code max}, not
 * {@code sum}. Also the last day the working-day calendar covers.
 */
@Component
class OpenWorkMetrics {

    private static final Logger log = LoggerFactory.getLogger(OpenWorkMetrics.class);

    private final Worklist worklist;
    private final DeadlineCalculator deadlines;
    private final Clock clock;
    private final MultiGauge open;
    private final MultiGauge dueSoon;
    private final MultiGauge overdue;
    /** Pairs once seen keep reporting (as 0 when empty): a series that vanished would read as "no data". */
    private final Set<Tags> seen = ConcurrentHashMap.newKeySet();
    private final AtomicLong lastRefresh = new AtomicLong();

    OpenWorkMetrics(Worklist worklist, DeadlineCalculator deadlines, Clock clock, MeterRegistry meters) {
        this.worklist = worklist;
        this.deadlines = deadlines;
        this.clock = clock;
        this.open = MultiGauge.builder("powerconnect.open.tasks")
                .description("Open tasks by department and stage").register(meters);
        this.dueSoon = MultiGauge.builder("powerconnect.open.tasks.due.soon")
                .description("Open tasks not yet overdue but due by the cut-off of the next working day")
                .register(meters);
        this.overdue = MultiGauge.builder("powerconnect.open.tasks.overdue")
                .description("Open tasks past their due time (breached and still open)").register(meters);
        Gauge.builder("powerconnect.open.tasks.refreshed.timestamp", lastRefresh, AtomicLong::get)
                .description("When the open-task gauges were last read from the database; they are stale when it lags")
                .baseUnit("seconds").register(meters);
        ZoneId zone = deadlines.zone();
        Gauge.builder("powerconnect.calendar.last.covered.day.timestamp", deadlines.calendar(),
                        calendar -> calendar.lastCoveredDate().atStartOfDay(zone).toEpochSecond())
                .description("Start (Asia/Shanghai) of the last day the working-day calendar covers; due dates after it are provisional")
                .baseUnit("seconds")
                .register(meters);
    }

    /** Every department's stages report from the start, at 0 when empty: a day-on-day comparison needs yesterday. */
    @EventListener(ApplicationReadyEvent.class)
    void registerSeries() {
        worklist.stagesOfDepartments().stream().filter(pair -> pair.stage() != Stage.OVERALL)
                .forEach(pair -> seen.add(Tags.of("department", pair.department().key(), "stage", pair.stage().key())));
        refresh();
    }

    @Scheduled(initialDelayString = "${powerconnect.metrics.open-work-initial-delay:PT5S}",
            fixedDelayString = "${powerconnect.metrics.open-work-interval:PT30S}")
    void refresh() {
        Instant now = clock.instant();
        Instant dueSoonBy = deadlines.dueAfter(now, 1).dueAt();
        List<Worklist.OpenWork> work;
        try {
            work = worklist.openWork(now, dueSoonBy);
        } catch (RuntimeException e) {
            log.warn("Open-work metrics not refreshed: {}", e.getMessage());
            return;
        }
        Map<Tags, Worklist.OpenWork> byPair = new HashMap<>();
        work.forEach(w -> byPair.put(Tags.of("department", w.department().key(), "stage", w.stage().key()), w));
        seen.addAll(byPair.keySet());
        lastRefresh.set(now.getEpochSecond());
        open.register(rows(byPair, Worklist.OpenWork::open), true);
        dueSoon.register(rows(byPair, Worklist.OpenWork::dueSoon), true);
        overdue.register(rows(byPair, Worklist.OpenWork::overdue), true);
    }

    private List<MultiGauge.Row<?>> rows(Map<Tags, Worklist.OpenWork> byPair, ToLongFunction<Worklist.OpenWork> value) {
        return seen.stream().<MultiGauge.Row<?>>map(tags -> MultiGauge.Row.of(tags,
                byPair.containsKey(tags) ? value.applyAsLong(byPair.get(tags)) : 0)).toList();
    }
}
