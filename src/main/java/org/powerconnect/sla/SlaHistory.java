package org.powerconnect.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happened to an application's clocks besides starting, pausing and ending: the warnings recorded before
 * their due times, and the moves of their due dates that were not pauses (re-based limits, calendar changes).
 * Read-only; the timeline explains deadlines with it.
 */
@Service
@Transactional(readOnly = true)
public class SlaHistory {

    private final JdbcTemplate jdbc;

    SlaHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** When each warned clock of the application was warned, by clock id (a clock warns at most once). */
    public Map<Long, Instant> warningsOf(String applicationNo) {
        return jdbc.query("select clock_id, recorded_at from sla_warning where application_no = ?",
                        (rs, i) -> Map.entry(rs.getLong("clock_id"), instant(rs, "recorded_at")), applicationNo)
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    /** The recorded due-date moves of the application's clocks, by clock id, each clock's in the order made. */
    public Map<Long, List<DueChange>> dueChangesOf(String applicationNo) {
        return jdbc.query("""
                        select d.* from sla_due_change d join sla_clock c on c.id = d.clock_id
                         where c.application_no = ? order by d.changed_at, d.id
                        """,
                        (rs, i) -> new DueChange(rs.getLong("clock_id"), instant(rs, "old_due_at"),
                                instant(rs, "new_due_at"), rs.getString("cause"), instant(rs, "changed_at")),
                        applicationNo)
                .stream().collect(Collectors.groupingBy(DueChange::clockId, Collectors.toList()));
    }

    /**
     * A move of a clock's due date that was not a pause.
     *
     * @param cause why, in words, e.g. "limit re-based: HIGH_VOLTAGE, NONE"
     */
    public record DueChange(long clockId, Instant oldDueAt, Instant newDueAt, String cause, Instant changedAt) {
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
