package org.powerconnect.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the working-day arithmetic, over random days from 2017 (before the calendar) to 2028 (after
 * it, where days are estimated) and random numbers of working days. Each property is one that every due date
 * of the product leans on.
 */
class WorkingDayPropertiesTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendarTest.CALENDAR;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DeadlineCalculator DEADLINES = new DeadlineCalculator(CALENDAR, SHANGHAI, LocalTime.of(17, 0));

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers().between(0, 12 * 366).map(offset -> LocalDate.of(2017, 1, 1).plusDays(offset));
    }

    /** Any minute of 2017 to 2028, and often one of the days around the calendar's first and last day. */
    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Instant> any = Arbitraries.longs().between(0, 12L * 366 * 24 * 60 - 1)
                .map(minutes -> ZonedDateTime.of(2017, 1, 1, 0, 0, 0, 0, SHANGHAI).plusMinutes(minutes).toInstant());
        Arbitrary<Instant> atTheEdges = Arbitraries.of(CALENDAR.firstCoveredDate(), CALENDAR.lastCoveredDate())
                .flatMap(edge -> Arbitraries.longs().between(-5L * 24 * 60, 5L * 24 * 60)
                        .map(minutes -> edge.atStartOfDay(SHANGHAI).plusMinutes(minutes).toInstant()));
        return Arbitraries.frequencyOf(Tuple.of(2, any), Tuple.of(1, atTheEdges));
    }

    @Property(tries = 2000)
    void aDueDateIsNeverANonWorkingDay(@ForAll("days") LocalDate day, @ForAll @IntRange(min = 0, max = 120) int n) {
        assertThat(CALENDAR.isWorkingDay(CALENDAR.addWorkingDays(day, n).date())).isTrue();
    }

    @Property(tries = 2000)
    void addingAThenBWorkingDaysEqualsAddingAPlusB(@ForAll("days") LocalDate day,
            @ForAll @IntRange(min = 1, max = 80) int a, @ForAll @IntRange(min = 1, max = 80) int b) {
        LocalDate stepwise = CALENDAR.addWorkingDays(CALENDAR.addWorkingDays(day, a).date(), b).date();
        assertThat(stepwise).isEqualTo(CALENDAR.addWorkingDays(day, a + b).date());
    }

    /**
     * A due date never moves backwards as the limit grows, and one more working day is a later day, with one
     * exception found by this property: from a non-working day, "the same working day" (N = 0) and "one working
     * day" (N = 1) are both the next working day, since counting starts the day after the event.
     */
    @Property(tries = 2000)
    void oneMoreWorkingDayIsNeverEarlierAndLaterFromOneWorkingDayOn(@ForAll("days") LocalDate day,
            @ForAll @IntRange(min = 0, max = 120) int n) {
        LocalDate due = CALENDAR.addWorkingDays(day, n).date();
        LocalDate oneMore = CALENDAR.addWorkingDays(day, n + 1).date();
        assertThat(oneMore).isAfterOrEqualTo(due);
        if (n >= 1 || CALENDAR.isWorkingDay(day)) {
            assertThat(oneMore).isAfter(due);
        } else {
            assertThat(oneMore).isEqualTo(due);
        }
    }

    @Property(tries = 2000)
    void countingTheWorkingDaysToADueDateGivesBackTheLimit(@ForAll("days") LocalDate day,
            @ForAll @IntRange(min = 1, max = 120) int n) {
        assertThat(CALENDAR.workingDaysBetween(day, CALENDAR.addWorkingDays(day, n).date())).isEqualTo(n);
    }

    @Property(tries = 2000)
    void aDeadlineIsDueAtTheCutOffOfAWorkingDayAfterTheEventAndIsProvisionalExactlyWhenItCountsBeyondTheCalendar(
            @ForAll("instants") Instant event, @ForAll @IntRange(min = 0, max = 80) int n) {
        DeadlineCalculator.Deadline deadline = DEADLINES.dueAfter(event, n);
        ZonedDateTime due = deadline.dueAt().atZone(SHANGHAI);
        assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(17, 0));
        assertThat(CALENDAR.isWorkingDay(due.toLocalDate())).isTrue();
        assertThat(deadline.dueAt()).isAfterOrEqualTo(event.isAfter(deadline.dueAt()) ? event : deadline.dueAt());
        assertThat(deadline.dueAt()).isAfter(n == 0 ? event.minusSeconds(1) : event);
        // provisional exactly when a day the count looked at lies outside the calendar: the days after the counted
        // day up to the due day (and, for N = 0, the counted day itself); the covered years are contiguous
        LocalDate firstLookedAt = n == 0 ? deadline.countedFrom() : deadline.countedFrom().plusDays(1);
        assertThat(deadline.provisional()).as("provisional, counted from %s", deadline.countedFrom())
                .isEqualTo(!CALENDAR.covers(firstLookedAt) || !CALENDAR.covers(due.toLocalDate()));
    }
}
