package org.powerconnect.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

import org.powerconnect.connection.Stage;
import org.powerconnect.connection.VoltageClass;
import org.powerconnect.sla.DeadlineCalculator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the supervisors' SLA report: three set-based, read-only queries on the SLA tables (one snapshot),
 * counted in Java with the same working-day arithmetic as the clocks.
 *
 * <p>Working days used by a completed clock: the working days after its {@code counted_from} day up to and
 * including the day its completion counts as (after the 17:00 cut-off), minus the working days its pauses took
 * out; never below 0. A clock completed on its start day has used 0.
 */
@Service
public class SlaReports {

    private static final String OVERALL = Stage.OVERALL.key();

    private static final String COMPLETED_CLOCKS = """
            select c.stage, c.department, c.counted_from, c.completed_at, c.due_at, c.paused_working_days,
                   a.voltage_class, case when b.id is null then 0 else 1 end as has_breach
              from sla_clock c
              join application a on a.application_no = c.application_no
              left join sla_breach b on b.clock_id = c.id
             where c.outcome = 'COMPLETED' and c.completed_at >= ? and c.completed_at < ?
            """;

    private static final String BREACHES = """
            select b.department, b.stage, count(*) as breaches
              from sla_breach b
             where b.fired_at >= ? and b.fired_at < ? and b.stage <> ?
             group by b.department, b.stage
            """;

    private static final String AT_RISK = """
            select c.application_no, c.stage, c.department, c.due_at, c.provisional,
                   case when b.id is null then 0 else 1 end as has_breach
              from sla_clock c
              left join sla_breach b on b.clock_id = c.id
             where c.outcome = 'RUNNING' and (b.id is not null or c.due_at < ? or c.due_date <= ?)
             order by c.due_at, c.application_no, c.stage, c.id
            """;

    private final JdbcTemplate jdbc;
    private final DeadlineCalculator deadlines;
    private final Clock clock;

    SlaReports(JdbcTemplate jdbc, DeadlineCalculator deadlines, Clock clock) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** The report for the Shanghai dates {@code from} to {@code to}, both inclusive, as of now. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public SlaReport report(LocalDate from, LocalDate to) {
        Instant now = clock.instant();
        OffsetDateTime start = utc(from.atStartOfDay(deadlines.zone()).toInstant());
        OffsetDateTime end = utc(to.plusDays(1).atStartOfDay(deadlines.zone()).toInstant());

        List<CompletedClock> completed = jdbc.query(COMPLETED_CLOCKS, this::completedClock, start, end);
        Map<Key, Integer> breaches = new TreeMap<>();
        jdbc.query(BREACHES, (RowCallbackHandler) rs -> breaches.put(
                new Key(rs.getString("department"), rs.getString("stage")), rs.getInt("breaches")), start, end, OVERALL);

        LocalDate dueSoonLimit = deadlines.calendar().addWorkingDays(deadlines.countedDay(now), 1).date();
        List<SlaReport.AtRisk> atRisk = jdbc.query(AT_RISK, (rs, row) -> {
            Instant dueAt = instant(rs, "due_at");
            return new SlaReport.AtRisk(rs.getString("application_no"), rs.getString("stage"),
                    rs.getString("department"), dueAt, rs.getInt("has_breach") == 1 || dueAt.isBefore(now),
                    rs.getBoolean("provisional"));
        }, utc(now), dueSoonLimit);

        return new SlaReport(from, to, now, byDepartmentAndStage(completed, breaches), byVoltageClass(completed),
                atRisk);
    }

    private static List<SlaReport.DepartmentStage> byDepartmentAndStage(List<CompletedClock> completed,
            Map<Key, Integer> breaches) {
        Map<Key, List<CompletedClock>> groups = new TreeMap<>();
        completed.stream().filter(c -> !c.stage().equals(OVERALL))
                .forEach(c -> groups.computeIfAbsent(new Key(c.department(), c.stage()), k -> new ArrayList<>()).add(c));
        breaches.keySet().forEach(key -> groups.computeIfAbsent(key, k -> new ArrayList<>()));
        List<SlaReport.DepartmentStage> lines = new ArrayList<>();
        groups.forEach((key, clocks) -> {
            int onTime = (int) clocks.stream().filter(CompletedClock::onTime).count();
            int[] used = clocks.stream().mapToInt(CompletedClock::workingDaysUsed).toArray();
            lines.add(new SlaReport.DepartmentStage(key.department(), key.stage(), clocks.size(), onTime,
                    clocks.isEmpty() ? null : ratio(onTime, clocks.size()), breaches.getOrDefault(key, 0),
                    mean(used), p90(used)));
        });
        return lines;
    }

    private static List<SlaReport.VoltageClassLine> byVoltageClass(List<CompletedClock> completed) {
        List<SlaReport.VoltageClassLine> lines = new ArrayList<>();
        for (VoltageClass voltageClass : VoltageClass.values()) {
            int[] used = completed.stream()
                    .filter(c -> c.stage().equals(OVERALL) && c.voltageClass().equals(voltageClass.name()))
                    .mapToInt(CompletedClock::workingDaysUsed).toArray();
            BigDecimal mean = mean(used);
            OptionalInt averageTarget = voltageClass.averageTargetWorkingDays();
            Integer target = averageTarget.isPresent() ? averageTarget.getAsInt() : null;
            Boolean within = target == null || mean == null ? null : mean.compareTo(BigDecimal.valueOf(target)) <= 0;
            lines.add(new SlaReport.VoltageClassLine(voltageClass.name(), used.length, mean, target, within));
        }
        return lines;
    }

    /** The mean to 2 decimals (half up); null for no values. */
    static BigDecimal mean(int[] values) {
        if (values.length == 0) {
            return null;
        }
        return ratio(Arrays.stream(values).asLongStream().sum(), values.length).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * The 90th percentile by the nearest-rank method: the value at rank ⌈0.9 × n⌉ (1-based) of the values in
     * ascending order, so it is always one of the values; null for no values. For n ≤ 10 it is the largest.
     */
    static Integer p90(int[] values) {
        if (values.length == 0) {
            return null;
        }
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(0.9 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    private static BigDecimal ratio(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
    }

    private CompletedClock completedClock(ResultSet rs, int row) throws SQLException {
        Instant completedAt = instant(rs, "completed_at");
        Instant dueAt = instant(rs, "due_at");
        boolean breached = rs.getInt("has_breach") == 1;
        int used = deadlines.workingDaysUsed(rs.getObject("counted_from", LocalDate.class), completedAt,
                rs.getInt("paused_working_days"));
        return new CompletedClock(rs.getString("stage"), rs.getString("department"), rs.getString("voltage_class"),
                !breached && !completedAt.isAfter(dueAt), used);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record CompletedClock(String stage, String department, String voltageClass, boolean onTime,
            int workingDaysUsed) {
    }

    /** Groups sort by department, then stage. */
    private record Key(String department, String stage) implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparing(Key::department).thenComparing(Key::stage);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }
}
