package org.powerconnect.sla;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.powerconnect.connection.Department;
import org.powerconnect.connection.Stage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pauses of an application's clocks. While a pause runs, its clocks' timers are held; when it ends, each
 * clock's due date moves by the working days the pause took out, and its timer and task move with it.
 */
@Service
@Transactional
public class SlaPauses {

    /** Who started or ended a pause that the process itself started or ended. */
    public static final String ENDED_BY_PROCESS = "process";

    private final JdbcTemplate jdbc;
    private final SlaClockRepository clocks;
    private final DeadlineCalculator deadlines;
    private final SlaTimerControl timers;
    private final SlaSettings settings;

    SlaPauses(JdbcTemplate jdbc, SlaClockRepository clocks, DeadlineCalculator deadlines, SlaTimerControl timers,
            SlaSettings settings) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.clocks = clocks;
        this.deadlines = deadlines;
        this.timers = timers;
    }

    /**
     * Pauses the clocks the reason stops: the statutory publicity stops the planning permit's clock; waiting on
     * the applicant stops the given stage's clocks and the overall clock, or every running clock when no
     * stage is given.
     *
     * A clock that another running pause holds already stays with that pause (it is stopped anyway).
     *
     * @param stage       null for the whole application
     * @param departments whose clocks of the stage to pause (a bureau pauses its own); null for every department
     * @throws PauseConflictException when no such clock runs, or all of them are paused already
     */
    public SlaPause start(String applicationNo, PauseReason reason, Stage stage, Set<Department> departments,
            String comment, String startedBy, Instant at) {
        // one pause at a time per application: concurrent requests must not both take the same clocks
        jdbc.queryForList("select id from sla_clock where application_no = ? and outcome = 'RUNNING' order by id for update",
                Long.class, applicationNo);
        List<SlaClock> candidates = clocksToHold(applicationNo, reason, stage).stream()
                .filter(clock -> departments == null || clock.stage() == Stage.OVERALL
                        || departments.contains(clock.department()))
                .toList();
        if (candidates.stream().noneMatch(clock -> clock.stage() != Stage.OVERALL || stage == Stage.OVERALL)) {
            throw new PauseConflictException("application " + applicationNo + " has no running "
                    + (stage == null ? "" : stage + " ") + "clock of " + departments + " to pause");
        }
        List<SlaClock> held = candidates.stream().filter(clock -> runningPauseOf(clock.id()).isEmpty()).toList();
        // the overall clock comes along with a stage's clocks; it is not enough to start a pause of that stage
        boolean stageClockFree = held.stream()
                .anyMatch(clock -> stage == null || stage == Stage.OVERALL || clock.stage() != Stage.OVERALL);
        if (!stageClockFree) {
            throw new PauseConflictException("the " + (stage == null ? "" : stage + " ")
                    + "clocks of application " + applicationNo + " are already paused by pause "
                    + runningPauseOf(candidates.get(0).id()).orElseThrow());
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    insert into sla_pause (application_no, reason, comment, started_by, started_at)
                    values (?, ?, ?, ?, ?)
                    """, new String[] {"id"});
            statement.setString(1, applicationNo);
            statement.setString(2, reason.name());
            statement.setString(3, comment);
            statement.setString(4, startedBy);
            statement.setObject(5, at.atOffset(ZoneOffset.UTC));
            return statement;
        }, keys);
        long pauseId = keys.getKey().longValue();
        for (SlaClock clock : held) {
            jdbc.update("insert into sla_clock_pause (clock_id, pause_id) values (?, ?)", clock.id(), pauseId);
            timers.hold(clock);
        }
        return find(applicationNo, pauseId).orElseThrow();
    }

    /**
     * Ends a pause: every clock it held that still runs is due later by the working days paused.
     *
     * @throws PauseConflictException when the pause has ended already
     */
    public Optional<SlaPause> end(String applicationNo, long pauseId, String endedBy, Instant at) {
        Optional<SlaPause> pause = find(applicationNo, pauseId);
        if (pause.isEmpty()) {
            return pause;
        }
        if (!pause.get().isRunning()) {
            throw new PauseConflictException("pause " + pauseId + " ended at "
                    + pause.get().endedAt().atZone(deadlines.zone()).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS));
        }
        int paused = deadlines.workingDaysPaused(pause.get().startedAt(), at);
        for (SlaPause.HeldClock held : pause.get().clocks()) {
            if (held.workingDays() != null) {
                continue;
            }
            SlaClock clock = clocks.findById(held.clockId()).orElseThrow();
            if (clock.isRunning()) {
                SlaClock moved = postpone(clock, pauseId, paused);
                timers.moveTo(moved);
            } else {
                recordMove(clock.id(), pauseId, 0);
            }
        }
        jdbc.update("update sla_pause set ended_by = ?, ended_at = ? where id = ?", endedBy, at.atOffset(ZoneOffset.UTC),
                pauseId);
        return find(applicationNo, pauseId);
    }

    /**
     * A clock that completes while paused: the pause so far moves its due date first, so that finishing
     * during a wait on the applicant is judged against the due date the wait earned.
     */
    SlaClock settleOnCompletion(SlaClock clock, Instant at) {
        Optional<Long> pauseId = runningPauseOf(clock.id());
        if (pauseId.isEmpty()) {
            return clock;
        }
        Instant startedAt = jdbc.queryForObject("select started_at from sla_pause where id = ?",
                OffsetDateTime.class, pauseId.get()).toInstant();
        return postpone(clock, pauseId.get(), deadlines.workingDaysPaused(startedAt, at));
    }

    /**
     * After a clock finished: a pause whose stage clocks have all finished has nothing left to wait for and ends
     * itself (moving the overall clock it held by the days so far).
     */
    void afterClockFinished(SlaClock clock, Instant at) {
        Optional<Long> pauseId = runningPauseOf(clock.id());
        if (pauseId.isEmpty()) {
            return;
        }
        SlaPause pause = find(clock.applicationNo(), pauseId.get()).orElseThrow();
        boolean heldStageClocks = pause.clocks().stream().anyMatch(held -> held.stage() != Stage.OVERALL);
        boolean stageClockRunning = pause.clocks().stream().filter(held -> held.stage() != Stage.OVERALL)
                .anyMatch(held -> clocks.findById(held.clockId()).map(SlaClock::isRunning).orElse(false));
        if (heldStageClocks && !stageClockRunning) {
            end(clock.applicationNo(), pause.id(), ENDED_BY_PROCESS, at);
        }
    }

    /** When the application's process ends, so do its pauses. */
    public void endAll(String applicationNo, Instant at) {
        for (SlaPause pause : of(applicationNo)) {
            if (pause.isRunning()) {
                end(applicationNo, pause.id(), ENDED_BY_PROCESS, at);
            }
        }
    }

    /** Whether a running pause holds the clock (its timer must stay held). */
    @Transactional(readOnly = true)
    public boolean isHeld(SlaClock clock) {
        return runningPauseOf(clock.id()).isPresent();
    }

    @Transactional(readOnly = true)
    public List<SlaPause> of(String applicationNo) {
        return load("where p.application_no = ?", applicationNo);
    }

    @Transactional(readOnly = true)
    public Optional<SlaPause> find(String applicationNo, long pauseId) {
        return load("where p.application_no = ? and p.id = ?", applicationNo, pauseId).stream().findFirst();
    }

    private SlaClock postpone(SlaClock clock, long pauseId, int workingDays) {
        if (workingDays > 0) {
            DeadlineCalculator.Deadline moved = deadlines.postpone(clock.dueDate(), workingDays, clock.provisional());
            deadlines.warnIfProvisional(moved, "Application " + clock.applicationNo() + ", " + clock.stage());
            clocks.moveDue(clock.id(), moved, workingDays, settings.warnAt(clock.stage(), moved, clock.startedAt()));
        }
        recordMove(clock.id(), pauseId, workingDays);
        return clocks.findById(clock.id()).orElseThrow();
    }

    private void recordMove(long clockId, long pauseId, int workingDays) {
        jdbc.update("update sla_clock_pause set working_days = ? where clock_id = ? and pause_id = ?", workingDays,
                clockId, pauseId);
    }

    private List<SlaClock> clocksToHold(String applicationNo, PauseReason reason, Stage stage) {
        List<SlaClock> running = clocks.findByApplication(applicationNo).stream().filter(SlaClock::isRunning).toList();
        Stage waiting = reason == PauseReason.STATUTORY_PUBLICITY ? Stage.PLANNING_PERMIT : stage;
        if (reason == PauseReason.STATUTORY_PUBLICITY && stage != null && stage != Stage.PLANNING_PERMIT) {
            throw new PauseConflictException("the statutory publicity pauses the planning-permit clock, not " + stage);
        }
        List<SlaClock> waitingClocks = waiting == null ? running
                : running.stream().filter(clock -> clock.stage() == waiting).toList();
        if (waitingClocks.isEmpty()) {
            throw new PauseConflictException("application " + applicationNo + " has no running "
                    + (waiting == null ? "" : waiting + " ") + "clock to pause");
        }
        if (!reason.waitsOnApplicant() || waiting == null || waiting == Stage.OVERALL) {
            return waitingClocks;
        }
        // waiting on the applicant stops the whole application's clock too
        List<SlaClock> held = new ArrayList<>(waitingClocks);
        running.stream().filter(clock -> clock.stage() == Stage.OVERALL).forEach(held::add);
        return held;
    }

    private Optional<Long> runningPauseOf(long clockId) {
        return jdbc.queryForList("""
                select p.id from sla_clock_pause cp join sla_pause p on p.id = cp.pause_id
                 where cp.clock_id = ? and p.ended_at is null
                """, Long.class, clockId).stream().findFirst();
    }

    private List<SlaPause> load(String where, Object... args) {
        List<Map<String, Object>> pauses = jdbc.queryForList("select p.* from sla_pause p " + where + " order by p.id", args);
        if (pauses.isEmpty()) {
            return List.of();
        }
        List<Long> ids = pauses.stream().map(row -> ((Number) row.get("id")).longValue()).toList();
        Map<Long, List<SlaPause.HeldClock>> held = jdbc.query("""
                select cp.pause_id, cp.clock_id, cp.working_days, c.stage, c.department
                  from sla_clock_pause cp join sla_clock c on c.id = cp.clock_id
                 where cp.pause_id in (%s) order by cp.pause_id, c.id
                """.formatted(ids.stream().map(id -> "?").collect(Collectors.joining(","))),
                (rs, i) -> Map.entry(rs.getLong("pause_id"), new SlaPause.HeldClock(rs.getLong("clock_id"),
                        Stage.ofKey(rs.getString("stage")).orElseThrow(),
                        Department.ofKey(rs.getString("department")).orElseThrow(),
                        (Integer) rs.getObject("working_days"))), ids.toArray())
                .stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<SlaPause> result = new ArrayList<>();
        for (Map<String, Object> row : pauses) {
            long id = ((Number) row.get("id")).longValue();
            result.add(new SlaPause(id, (String) row.get("application_no"),
                    PauseReason.valueOf((String) row.get("reason")), (String) row.get("comment"),
                    (String) row.get("started_by"), instant(row.get("started_at")), (String) row.get("ended_by"),
                    instant(row.get("ended_at")), held.getOrDefault(id, List.of())));
        }
        return result;
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
