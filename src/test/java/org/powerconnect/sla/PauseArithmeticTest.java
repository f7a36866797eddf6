package org.powerconnect.sla;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How far a pause moves a clock, counted by hand on the official calendar. The working days paused are those
 * after the pause's start day up to and including its end day (after the 17:00 cut-off, an event counts for
 * the next day); the due date then moves that many working days later.
 */
class PauseArithmeticTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final DeadlineCalculator calculator = new DeadlineCalculator(
            WorkingDayCalendar.load(Path.of("sla-config/cn-workday-calendar.yaml")), SHANGHAI, LocalTime.of(17, 0));

    @ParameterizedTest(name = "paused {0} to {1}: {2} working days")
    @CsvSource({
            // within one day: nothing moves
            "2026-09-24T10:00, 2026-09-24T16:00, 0",
            // Thursday to Monday across the Mid-Autumn holidays (09-25..27): only Monday 09-28 was lost
            "2026-09-24T10:00, 2026-09-28T10:00, 1",
            // starts on a holiday (Saturday 10-03 of National Day), ends on Friday 10-09: 10-08 and 10-09
            "2026-10-03T09:00, 2026-10-09T11:00, 2",
            // ends on a holiday (Sunday 10-04): 10-01..10-04 are holidays, so nothing was lost
            "2026-09-30T10:00, 2026-10-04T12:00, 0",
            // across the year boundary: 2025-12-31, make-up Sunday 2026-01-04 and Monday 01-05
            "2025-12-30T10:00, 2026-01-05T10:00, 3",
            // started after the cut-off, so it counts from Friday 2026-09-25 (a holiday): only 09-28 was lost
            "2026-09-24T18:00, 2026-09-28T09:00, 1",
            // ended after the cut-off: the end counts for Tuesday 09-29 as well
            "2026-09-24T10:00, 2026-09-28T17:30, 2",
            // the 2020 Spring Festival extension: Thursday 01-23 to Monday 02-03 lost only 02-03
            "2020-01-23T10:00, 2020-02-03T10:00, 1"})
    void shouldCountTheWorkingDaysAPauseTakesOut(String start, String end, int expected) {
        assertThat(calculator.workingDaysPaused(shanghai(start), shanghai(end))).isEqualTo(expected);
    }

    @Test
    void shouldMoveADueDateOverTheNationalDayHolidaysAndOntoTheMakeUpSaturday() {
        // due Wednesday 2026-09-30; 2 working days later: 10-08 (1), 10-09 (2)
        DeadlineCalculator.Deadline moved = calculator.postpone(LocalDate.parse("2026-09-30"), 2, false);
        assertThat(moved.dueDate()).isEqualTo(LocalDate.parse("2026-10-09"));
        assertThat(moved.dueAt()).isEqualTo(shanghai("2026-10-09T17:00"));
        // one more lands on the make-up Saturday 10-10
        assertThat(calculator.postpone(LocalDate.parse("2026-09-30"), 3, false).dueDate())
                .isEqualTo(LocalDate.parse("2026-10-10"));
        assertThat(moved.provisional()).isFalse();
    }

    @Test
    void shouldMakeADueDateMovedPastTheCalendarProvisional() {
        DeadlineCalculator.Deadline moved = calculator.postpone(LocalDate.parse("2026-12-30"), 3, false);
        // 12-31 (1), 2027-01-01 is an estimated holiday, 01-04 (2), 01-05 (3)
        assertThat(moved.dueDate()).isEqualTo(LocalDate.parse("2027-01-05"));
        assertThat(moved.provisional()).isTrue();
    }

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }
}
