package org.powerconnect.sla;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import org.powerconnect.connection.Stage;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Everything {@code sla-config/} holds: the office zone and cut-off, the working-day calendar and the limits.
 * Read once at start-up; a bad file stops the server with a message that names the file and the entry.
 */
public record SlaSettings(ZoneId zone, LocalTime officeCutoff, WorkingDayCalendar calendar, SlaPolicy policy,
        WarningPolicy warnings) {

    public static final String SETTINGS_FILE = "sla.yaml";

    public static SlaSettings load(Path configDir) {
        Path file = configDir.resolve(SETTINGS_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("SLA settings not found at " + file.toAbsolutePath()
                    + ": start the server from the project folder or set powerconnect.sla.config-dir");
        }
        Map<?, ?> root;
        try (Reader reader = Files.newBufferedReader(file)) {
            Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (!(parsed instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(file + ": expected a map at the top level");
            }
            root = map;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String source = file.toString();
        ZoneId zone = parse(source, "time-zone", root, ZoneId::of);
        LocalTime cutoff = parse(source, "office-cutoff", root, LocalTime::parse);
        String calendarFile = parse(source, "calendar", root, s -> s);
        WorkingDayCalendar calendar = WorkingDayCalendar.load(configDir.resolve(calendarFile));
        SlaPolicy policy = SlaPolicy.parse(root.get("limits"), source);
        WarningPolicy warnings = WarningPolicy.parse(root.get("warnings"), source);
        return new SlaSettings(zone, cutoff, calendar, policy, warnings);
    }

    /** When a clock of this stage, due by this deadline, warns. */
    public Instant warnAt(Stage stage, DeadlineCalculator.Deadline deadline, Instant startedAt) {
        return warnings.warnAt(stage, deadline.dueDate(), deadline.dueAt(), startedAt, zone);
    }

    public DeadlineCalculator deadlineCalculator() {
        return new DeadlineCalculator(calendar, zone, officeCutoff);
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> T parse(String source, String key, Map<?, ?> root, Parser<T> parser) {
        Object value = root.get(key);
        if (value == null) {
            throw new IllegalArgumentException(source + ": '" + key + "' is missing");
        }
        try {
            return parser.parse(String.valueOf(value));
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": '" + key + "' has the bad value '" + value + "': " + e.getMessage(), e);
        }
    }
}
