package org.powerconnect.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.powerconnect.connection.Department;
import org.powerconnect.connection.Stage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class SlaClockRepository {

    private static final String SELECT = """
            select c.*, b.fired_at as breached_at
              from sla_clock c left join sla_breach b on b.clock_id = c.id
            """;

    private final JdbcTemplate jdbc;

    SlaClockRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SlaClock> findByScopeKey(String scopeKey) {
        return jdbc.query(SELECT + " where c.scope_key = ?", this::map, scopeKey).stream().findFirst();
    }

    Optional<SlaClock> findById(long id) {
        return jdbc.query(SELECT + " where c.id = ?", this::map, id).stream().findFirst();
    }

    Optional<SlaClock> findRunning(String applicationNo, String activity) {
        return jdbc.query(SELECT + " where c.application_no = ? and c.activity = ? and c.outcome = 'RUNNING'",
                this::map, applicationNo, activity).stream().findFirst();
    }

    Optional<SlaClock> findRunning(String applicationNo, Stage stage) {
        return jdbc.query(SELECT + " where c.application_no = ? and c.stage = ? and c.outcome = 'RUNNING' order by c.id",
                this::map, applicationNo, stage.key()).stream().findFirst();
    }

    /** The clocks whose warnings one scan recorded. */
    List<SlaClock> findWarnedAt(Instant recordedAt) {
        return jdbc.query(SELECT + " join sla_warning w on w.clock_id = c.id where w.recorded_at = ? order by c.id",
                this::map, utc(recordedAt));
    }

    List<SlaClock> findByApplication(String applicationNo) {
        return jdbc.query(SELECT + " where c.application_no = ? order by c.started_at, c.id", this::map, applicationNo);
    }

    long insert(ClockStart start, LocalDate countedFrom, SlaPolicy.Limit limit, DeadlineCalculator.Deadline deadline,
            Instant warnAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    insert into sla_clock (application_no, scope_key, activity, stage, department, started_at,
                        counted_from, limit_working_days, limit_basis, due_date, due_at, provisional, outcome,
                        original_due_date, original_due_at, warn_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?)
                    """, new String[] {"id"});
            statement.setString(1, start.applicationNo());
            statement.setString(2, start.scopeKey());
            statement.setString(3, start.activity());
            statement.setString(4, start.stage().key());
            statement.setString(5, start.department().key());
            statement.setObject(6, utc(start.startedAt()));
            statement.setObject(7, countedFrom);
            statement.setInt(8, limit.workingDays());
            statement.setString(9, limit.basis());
            statement.setObject(10, deadline.dueDate());
            statement.setObject(11, utc(deadline.dueAt()));
            statement.setBoolean(12, deadline.provisional());
            statement.setObject(13, deadline.dueDate());
            statement.setObject(14, utc(deadline.dueAt()));
            statement.setObject(15, utc(warnAt));
            return statement;
        }, keys);
        return keys.getKey().longValue();
    }

    void updateLimit(long id, SlaPolicy.Limit limit, DeadlineCalculator.Deadline deadline, Instant warnAt) {
        jdbc.update("""
                update sla_clock set limit_working_days = ?, limit_basis = ?, due_date = ?, due_at = ?, provisional = ?,
                    warn_at = ?
                 where id = ?
                """, limit.workingDays(), limit.basis(), deadline.dueDate(), utc(deadline.dueAt()),
                deadline.provisional(), utc(warnAt), id);
    }

    /** A due date recomputed on another calendar; the original due date stays. */
    void updateDue(long id, DeadlineCalculator.Deadline deadline, Instant warnAt) {
        jdbc.update("update sla_clock set due_date = ?, due_at = ?, provisional = ?, warn_at = ? where id = ?",
                deadline.dueDate(), utc(deadline.dueAt()), deadline.provisional(), utc(warnAt), id);
    }

    void insertDueChange(long clockId, Instant oldDueAt, Instant newDueAt, String cause, Instant at) {
        jdbc.update("""
                insert into sla_due_change (clock_id, old_due_at, new_due_at, cause, changed_at) values (?, ?, ?, ?, ?)
                """, clockId, utc(oldDueAt), utc(newDueAt), cause, utc(at));
    }

    List<SlaClock> findRunning() {
        return jdbc.query(SELECT + " where c.outcome = 'RUNNING' order by c.id", this::map);
    }

    /** Moves the current due date later; the original one stays. */
    void moveDue(long id, DeadlineCalculator.Deadline moved, int pausedWorkingDays, Instant warnAt) {
        jdbc.update("""
                update sla_clock set due_date = ?, due_at = ?, provisional = ?, warn_at = ?,
                    paused_working_days = paused_working_days + ?
                 where id = ?
                """, moved.dueDate(), utc(moved.dueAt()), moved.provisional(), utc(warnAt), pausedWorkingDays, id);
    }

    void finish(long id, SlaClock.Outcome outcome, Instant at) {
        jdbc.update("update sla_clock set outcome = ?, completed_at = ? where id = ? and outcome = 'RUNNING'",
                outcome.name(), utc(at), id);
    }

    /** Inserts the breach unless the clock has one; returns whether this call wrote it. */
    boolean insertBreachOnce(SlaClock clock, Instant firedAt) {
        return jdbc.update("""
                insert into sla_breach (clock_id, application_no, stage, department, due_at, fired_at)
                select ?, ?, ?, ?, ?, ? where not exists (select 1 from sla_breach where clock_id = ?)
                """, clock.id(), clock.applicationNo(), clock.stage().key(), clock.department().key(),
                utc(clock.dueAt()), utc(firedAt), clock.id()) == 1;
    }

    List<SlaBreach> findBreaches(String applicationNo) {
        return jdbc.query("select * from sla_breach where application_no = ? order by fired_at, id",
                (rs, i) -> new SlaBreach(rs.getLong("clock_id"), rs.getString("application_no"),
                        Stage.ofKey(rs.getString("stage")).orElseThrow(),
                        Department.ofKey(rs.getString("department")).orElseThrow(),
                        instant(rs, "due_at"), instant(rs, "fired_at")),
                applicationNo);
    }

    private SlaClock map(ResultSet rs, int row) throws SQLException {
        return new SlaClock(
                rs.getLong("id"),
                rs.getString("application_no"),
                rs.getString("scope_key"),
                rs.getString("activity"),
                Stage.ofKey(rs.getString("stage")).orElseThrow(),
                Department.ofKey(rs.getString("department")).orElseThrow(),
                instant(rs, "started_at"),
                rs.getObject("counted_from", LocalDate.class),
                rs.getInt("limit_working_days"),
                rs.getString("limit_basis"),
                rs.getObject("due_date", LocalDate.class),
                instant(rs, "due_at"),
                rs.getBoolean("provisional"),
                instant(rs, "completed_at"),
                SlaClock.Outcome.valueOf(rs.getString("outcome")),
                instant(rs, "breached_at"),
                rs.getObject("original_due_date", LocalDate.class),
                instant(rs, "original_due_at"),
                rs.getInt("paused_working_days"),
                instant(rs, "warn_at"));
    }

    /** Instants go to the database with an explicit offset, so the server's zone never shifts them. */
    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
