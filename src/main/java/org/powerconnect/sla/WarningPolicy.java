package org.powerconnect.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import org.powerconnect.connection.Stage;

/**
 * When a clock warns before it breaches, per stage, from the {@code warnings} map of sla.yaml: at the start of
 * the due date's day ({@code last-working-day}), or a duration before the due time (e.g. {@code PT2H}).
 */
public final class WarningPolicy {

    static final String LAST_WORKING_DAY = "last-working-day";

    /** Null: the start of the due date's day; otherwise that long before the due time. */
    private final Map<Stage, Duration> beforeDue;
    private final Duration defaultBeforeDue;

    private WarningPolicy(Map<Stage, Duration> beforeDue, Duration defaultBeforeDue) {
        this.beforeDue = beforeDue;
        this.defaultBeforeDue = defaultBeforeDue;
    }

    /** The warning time of a clock due at {@code dueAt} on {@code dueDate}; never before the clock started. */
    public Instant warnAt(Stage stage, LocalDate dueDate, Instant dueAt, Instant startedAt, ZoneId zone) {
        Duration before = beforeDue.containsKey(stage) ? beforeDue.get(stage) : defaultBeforeDue;
        Instant warnAt = before == null ? dueDate.atStartOfDay(zone).toInstant() : dueAt.minus(before);
        return warnAt.isBefore(startedAt) ? startedAt : warnAt;
    }

    static WarningPolicy parse(Object node, String source) {
        if (node == null) {
            return new WarningPolicy(Map.of(), null);
        }
        if (!(node instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(source + ": 'warnings' must be a map of stage key (or default) to "
                    + LAST_WORKING_DAY + " or a duration such as PT2H");
        }
        Map<Stage, Duration> perStage = new EnumMap<>(Stage.class);
        Duration defaultBefore = null;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Duration before = rule(String.valueOf(entry.getValue()), source + ": warnings." + key);
            if (key.equals("default")) {
                defaultBefore = before;
            } else {
                Stage stage = Stage.ofKey(key).orElseThrow(() -> new IllegalArgumentException(source
                        + ": unknown stage '" + key + "' in warnings; stage keys are "
                        + Arrays.stream(Stage.values()).map(Stage::key).toList()));
                perStage.put(stage, before);
            }
        }
        return new WarningPolicy(perStage, defaultBefore);
    }

    private static Duration rule(String value, String path) {
        if (value.equals(LAST_WORKING_DAY)) {
            return null;
        }
        try {
            Duration duration = Duration.parse(value);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(path + ": '" + value + "' must be a positive duration");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(path + ": '" + value + "' is neither " + LAST_WORKING_DAY
                    + " nor a duration such as PT2H", e);
        }
    }
}
