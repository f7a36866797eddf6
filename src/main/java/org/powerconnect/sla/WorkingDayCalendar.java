package org.powerconnect.sla;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The official working-day calendar of mainland China: Monday to Friday, minus public holidays, plus the
 * weekend days declared working days (调休上班), as published year by year by the State Council.
 *
 * <p>The calendar covers exactly the years that have a block in its source file. For any other year it can
 * only estimate (weekdays minus the fixed-date statutory holidays); callers must treat results that touched
 * such a year as provisional, see {@link WorkingDate#provisional()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class WorkingDayCalendar {

    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

    /**
     * Fixed-date statutory holidays under the 2024 revision of the national holiday rules (全国年节及纪念日放假办法).
     * Lunar holidays and make-up working days cannot be known before the State Council announces a year,
     * so outside coverage these are the only days off besides weekends.
     */
    private static final Map<MonthDay, String> ESTIMATED_HOLIDAYS = Map.of(
            MonthDay.of(1, 1), "元旦",
            MonthDay.of(5, 1), "劳动节",
            MonthDay.of(5, 2), "劳动节",
            MonthDay.of(10, 1), "国庆节",
            MonthDay.of(10, 2), "国庆节",
            MonthDay.of(10, 3), "国庆节");

    private static final String HOLIDAYS = "holidays";
    private static final String WORKDAYS = "workdays";

    private final String source;
    private final SortedSet<Integer> coveredYears;
    private final LocalDate firstCoveredDate;
    private final LocalDate lastCoveredDate;
    private final LocalDate dayBeforeCoverage;
    private final Map<LocalDate, String> holidays;
    private final Map<LocalDate, String> makeUpWorkdays;

    /** Epoch day of {@link #firstCoveredDate}; array indexes below are days since then. */
    private final long coverageStart;
    /** Whether the day at each index is a working day. */
    private final boolean[] working;
    /** {@code workingBefore[i]} = number of working days at indexes {@code 0 .. i-1}; length = days + 1. */
    private final int[] workingBefore;
    /** Index of the k-th (0-based) working day in the covered range, so counting forward is one lookup. */
    private final int[] workingDayIndexes;

    private WorkingDayCalendar(String source, SortedSet<Integer> years, Map<LocalDate, String> holidays,
            Map<LocalDate, String> makeUpWorkdays) {
        this.source = source;
        this.coveredYears = Collections.unmodifiableSortedSet(new TreeSet<>(years));
        this.firstCoveredDate = LocalDate.of(years.first(), 1, 1);
        this.lastCoveredDate = LocalDate.of(years.last(), 12, 31);
        this.dayBeforeCoverage = firstCoveredDate.minusDays(1);
        this.holidays = Map.copyOf(holidays);
        this.makeUpWorkdays = Map.copyOf(makeUpWorkdays);

        this.coverageStart = firstCoveredDate.toEpochDay();
        int days = Math.toIntExact(lastCoveredDate.toEpochDay() - coverageStart + 1);
        this.working = new boolean[days];
        this.workingBefore = new int[days + 1];
        int count = 0;
        for (int i = 0; i < days; i++) {
            LocalDate day = firstCoveredDate.plusDays(i);
            working[i] = makeUpWorkdays.containsKey(day) || (!isWeekend(day) && !holidays.containsKey(day));
            if (working[i]) {
                count++;
            }
            workingBefore[i + 1] = count;
        }
        this.workingDayIndexes = new int[count];
        for (int i = 0, k = 0; i < days; i++) {
            if (working[i]) {
                workingDayIndexes[k++] = i;
            }
        }
    }

    /**
     * Reads a calendar file (UTF-8).
     *
     * @throws IllegalArgumentException if the content is invalid; the message names the file and the entry
     * @throws UncheckedIOException if the file cannot be read
     */
    public static WorkingDayCalendar load(Path yamlFile) {
        Objects.requireNonNull(yamlFile, "yamlFile");
        try (Reader reader = Files.newBufferedReader(yamlFile, StandardCharsets.UTF_8)) {
            return parse(reader, yamlFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read working-day calendar " + yamlFile, e);
        }
    }

    /**
     * Parses calendar YAML: a map of year to {@code {holidays: [...], workdays: [...]}} whose entries are
     * {@code {date: YYYY-MM-DD, name: ...}}.
     *
     * @param sourceName used in error and log messages only
     * @throws IllegalArgumentException if the content is invalid; the message names the source and the entry
     */
    public static WorkingDayCalendar parse(Reader reader, String sourceName) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(sourceName, "sourceName");
        WorkingDayCalendar calendar = new CalendarFileReader(sourceName).read(reader);
        log.info("Loaded working-day calendar {} covering {}..{} ({} holidays, {} make-up working days)",
                sourceName, calendar.coveredYears.first(), calendar.coveredYears.last(),
                calendar.holidays.size(), calendar.makeUpWorkdays.size());
        return calendar;
    }

    /** Where the calendar was read from, for log messages. */
    public String source() {
        return source;
    }

    public SortedSet<Integer> coveredYears() {
        return coveredYears;
    }

    public LocalDate firstCoveredDate() {
        return firstCoveredDate;
    }

    public LocalDate lastCoveredDate() {
        return lastCoveredDate;
    }

    /** Whether the day's status comes from announced data rather than an estimate. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(firstCoveredDate) && !day.isAfter(lastCoveredDate);
    }

    /**
     * In a covered year: Monday to Friday and not a holiday, or a make-up working day. In any other year an
     * estimate: Monday to Friday except the fixed-date statutory holidays.
     */
    public boolean isWorkingDay(LocalDate day) {
        if (covers(day)) {
            return working[index(day)];
        }
        return isEstimatedWorkingDay(day);
    }

    /**
     * The name of the holiday period the day belongs to. Outside coverage this is the name of a fixed-date
     * statutory holiday, i.e. an estimate; use {@link #covers(LocalDate)} to tell.
     */
    public Optional<String> holidayName(LocalDate day) {
        if (covers(day)) {
            return Optional.ofNullable(holidays.get(day));
        }
        return Optional.ofNullable(ESTIMATED_HOLIDAYS.get(MonthDay.from(day)));
    }

    /** Whether the day is a weekend day declared a working day (调休上班); never true outside coverage. */
    public boolean isMakeUpWorkday(LocalDate day) {
        return makeUpWorkdays.containsKey(day);
    }

    /** The holiday whose arrangement made this weekend day a working day. */
    public Optional<String> makeUpWorkdayReason(LocalDate day) {
        return Optional.ofNullable(makeUpWorkdays.get(day));
    }

    /**
     * The n-th working day after {@code eventDay}, the event day itself not counted (the legal way of
     * counting periods). For n = 0: {@code eventDay} if it is a working day, else the next working day.
     *
     * @throws IllegalArgumentException if n is negative
     */
    public WorkingDate addWorkingDays(LocalDate eventDay, int n) {
        Objects.requireNonNull(eventDay, "eventDay");
        if (n < 0) {
            throw new IllegalArgumentException("Number of working days must not be negative: " + n);
        }
        // "eventDay if working, else the next one" is the first working day after the day before.
        return n == 0 ? nthWorkingDayAfter(eventDay.minusDays(1), 1) : nthWorkingDayAfter(eventDay, n);
    }

    /** The number of working days d with {@code from < d <= to}; 0 if {@code to} is not after {@code from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            return 0;
        }
        int count = 0;
        LocalDate day = from;
        while (day.isBefore(to) && day.isBefore(dayBeforeCoverage)) {
            day = day.plusDays(1);
            if (isEstimatedWorkingDay(day)) {
                count++;
            }
        }
        if (day.isBefore(to) && day.isBefore(lastCoveredDate)) {
            LocalDate coveredEnd = to.isBefore(lastCoveredDate) ? to : lastCoveredDate;
            count += workingBefore[index(coveredEnd) + 1] - workingBefore[index(day) + 1];
            day = coveredEnd;
        }
        while (day.isBefore(to)) {
            day = day.plusDays(1);
            if (isEstimatedWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    private WorkingDate nthWorkingDayAfter(LocalDate after, int n) {
        LocalDate day = after;
        int remaining = n;
        boolean provisional = false;
        // Outside coverage walk day by day: it is rare and the estimate has no precomputed table.
        while (day.isBefore(dayBeforeCoverage)) {
            day = day.plusDays(1);
            provisional = true;
            if (isEstimatedWorkingDay(day) && --remaining == 0) {
                return new WorkingDate(day, true);
            }
        }
        if (day.isBefore(lastCoveredDate)) {
            int countedSoFar = workingBefore[index(day) + 1];
            int available = workingDayIndexes.length - countedSoFar;
            if (remaining <= available) {
                int found = workingDayIndexes[countedSoFar + remaining - 1];
                return new WorkingDate(LocalDate.ofEpochDay(coverageStart + found), provisional);
            }
            remaining -= available;
            day = lastCoveredDate;
        }
        while (true) {
            day = day.plusDays(1);
            if (isEstimatedWorkingDay(day) && --remaining == 0) {
                return new WorkingDate(day, true);
            }
        }
    }

    /** Index into the tables; the day before coverage maps to -1 so that {@code index + 1} is always valid. */
    private int index(LocalDate day) {
        return (int) (day.toEpochDay() - coverageStart);
    }

    private static boolean isEstimatedWorkingDay(LocalDate day) {
        return !isWeekend(day) && !ESTIMATED_HOLIDAYS.containsKey(MonthDay.from(day));
    }

    private static boolean isWeekend(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar[" + source + ", " + coveredYears.first() + ".." + coveredYears.last() + "]";
    }

    /**
     * Walks the composed YAML node tree rather than constructed objects: the default resolver would turn
     * {@code 2018-01-01} into a {@link java.util.Date} at UTC midnight, and nodes keep line numbers for
     * error messages.
     */
    private static final class CalendarFileReader {

        private final String source;
        private final SortedMap<Integer, Node> blocks = new TreeMap<>();
        private final Map<LocalDate, String> holidays = new HashMap<>();
        private final Map<LocalDate, String> workdays = new HashMap<>();

        CalendarFileReader(String source) {
            this.source = source;
        }

        WorkingDayCalendar read(Reader reader) {
            Node root;
            try {
                root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
            } catch (YAMLException e) {
                throw new IllegalArgumentException("Working-day calendar " + source + " is not valid YAML: "
                        + e.getMessage(), e);
            }
            if (root == null) {
                throw new IllegalArgumentException("Working-day calendar " + source + " is empty");
            }
            collectYearBlocks(root);
            SortedSet<Integer> years = new TreeSet<>(blocks.keySet());
            requireConsecutive(years);
            blocks.forEach(this::readYear);
            return new WorkingDayCalendar(source, years, holidays, workdays);
        }

        private void collectYearBlocks(Node root) {
            if (!(root instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
                throw fail(root, "must be a map of year to {holidays: [...], workdays: [...]}");
            }
            for (NodeTuple tuple : mapping.getValue()) {
                Node key = tuple.getKeyNode();
                String text = scalar(key, "year key");
                int year;
                try {
                    year = Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    throw fail(key, "year key '" + text + "' is not a year");
                }
                if (year < 1900 || year > 9999) {
                    throw fail(key, "year key '" + text + "' is not a plausible year");
                }
                if (blocks.put(year, tuple.getValueNode()) != null) {
                    throw fail(key, "year " + year + " has more than one block");
                }
            }
        }

        /** A missing year in the middle would be silently estimated; the file must say what it covers. */
        private void requireConsecutive(SortedSet<Integer> years) {
            int expected = years.first();
            for (int year : years) {
                if (year != expected) {
                    throw new IllegalArgumentException("Working-day calendar " + source + " has no block for year "
                            + expected + " between " + years.first() + " and " + years.last());
                }
                expected++;
            }
        }

        private void readYear(int year, Node block) {
            if (!(block instanceof MappingNode mapping)) {
                throw fail(block, "year " + year + " must be a map with 'holidays' and 'workdays'");
            }
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = scalar(tuple.getKeyNode(), "key in year " + year);
                if (!key.equals(HOLIDAYS) && !key.equals(WORKDAYS)) {
                    throw fail(tuple.getKeyNode(), "year " + year + " has unknown key '" + key
                            + "' (expected 'holidays' and 'workdays')");
                }
                if (!seen.add(key)) {
                    throw fail(tuple.getKeyNode(), "year " + year + " has more than one '" + key + "' list");
                }
                readEntries(year, key, tuple.getValueNode());
            }
            // An empty block would make the year look announced while treating it as weekends-only.
            if (holidays.keySet().stream().noneMatch(d -> d.getYear() == year)) {
                throw fail(block, "year " + year + " has no holidays; leave the year out until it is announced");
            }
        }

        private void readEntries(int year, String list, Node entries) {
            if (isNull(entries)) {
                return;
            }
            if (!(entries instanceof SequenceNode sequence)) {
                throw fail(entries, "year " + year + " " + list + " must be a list of {date: ..., name: ...}");
            }
            for (Node entry : sequence.getValue()) {
                readEntry(year, list, entry);
            }
        }

        private void readEntry(int year, String list, Node entry) {
            String where = "year " + year + " " + list + " entry " + describe(entry);
            if (!(entry instanceof MappingNode mapping)) {
                throw fail(entry, where + " must be {date: YYYY-MM-DD, name: ...}");
            }
            String dateText = null;
            String name = null;
            for (NodeTuple tuple : mapping.getValue()) {
                String key = scalar(tuple.getKeyNode(), where + " key");
                switch (key) {
                    case "date" -> dateText = scalar(tuple.getValueNode(), where + " date");
                    case "name" -> name = scalar(tuple.getValueNode(), where + " name");
                    default -> throw fail(tuple.getKeyNode(), where + " has unknown key '" + key + "'");
                }
            }
            if (dateText == null || dateText.isBlank()) {
                throw fail(entry, where + " has no date");
            }
            if (name == null || name.isBlank()) {
                throw fail(entry, where + " has no name");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(dateText.trim());
            } catch (DateTimeParseException e) {
                throw fail(entry, where + " has an invalid date '" + dateText + "' (expected YYYY-MM-DD)");
            }
            if (date.getYear() != year) {
                throw fail(entry, where + ": " + date + " is filed under year " + year
                        + "; blocks are keyed by the calendar year of the date");
            }
            Map<LocalDate, String> target = list.equals(HOLIDAYS) ? holidays : workdays;
            Map<LocalDate, String> other = list.equals(HOLIDAYS) ? workdays : holidays;
            if (target.containsKey(date)) {
                throw fail(entry, where + ": " + date + " is listed twice");
            }
            if (other.containsKey(date)) {
                throw fail(entry, where + ": " + date + " is listed both as a holiday and as a workday");
            }
            if (list.equals(WORKDAYS) && !isWeekend(date)) {
                throw fail(entry, where + ": " + date + " is a " + date.getDayOfWeek()
                        + "; workdays must list only weekend days declared working days");
            }
            target.put(date, name.trim());
        }

        private String scalar(Node node, String what) {
            if (!(node instanceof ScalarNode scalarNode)) {
                throw fail(node, what + " must be a plain value");
            }
            return scalarNode.getValue();
        }

        private static boolean isNull(Node node) {
            return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
        }

        private static String describe(Node node) {
            if (node instanceof MappingNode mapping) {
                StringBuilder text = new StringBuilder("{");
                List<NodeTuple> tuples = mapping.getValue();
                for (int i = 0; i < tuples.size(); i++) {
                    text.append(i == 0 ? "" : ", ").append(describe(tuples.get(i).getKeyNode()))
                            .append(": ").append(describe(tuples.get(i).getValueNode()));
                }
                return text.append('}').toString();
            }
            if (node instanceof ScalarNode scalarNode) {
                return scalarNode.getValue();
            }
            return "[...]";
        }

        private IllegalArgumentException fail(Node node, String message) {
            Mark mark = node == null ? null : node.getStartMark();
            String location = mark == null ? source : source + " line " + (mark.getLine() + 1);
            return new IllegalArgumentException("Working-day calendar " + location + ": " + message);
        }
    }
}
