package org.powerconnect.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Expected dates were worked out by hand from sla-config/cn-workday-calendar.yaml. */
class WorkingDayCalendarTest {

    static final Path CALENDAR_FILE = Path.of("sla-config/cn-workday-calendar.yaml");
    static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.load(CALENDAR_FILE);

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static WorkingDate add(String eventDay, int n) {
        return CALENDAR.addWorkingDays(date(eventDay), n);
    }

    // --- coverage -------------------------------------------------------------------------------------

    @Test
    void shouldCoverExactlyTheYearsThatHaveABlock() {
        assertThat(CALENDAR.coveredYears()).containsExactly(2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026);
        assertThat(CALENDAR.firstCoveredDate()).isEqualTo(date("2018-01-01"));
        assertThat(CALENDAR.lastCoveredDate()).isEqualTo(date("2026-12-31"));
        assertThat(CALENDAR.covers(date("2018-01-01"))).isTrue();
        assertThat(CALENDAR.covers(date("2026-12-31"))).isTrue();
        assertThat(CALENDAR.covers(date("2017-12-31"))).isFalse();
        assertThat(CALENDAR.covers(date("2027-01-01"))).isFalse();
    }

    // --- working-day status ---------------------------------------------------------------------------

    @Test
    void shouldTreatOrdinaryWeekdayAsWorkingAndOrdinarySaturdayAsNot() {
        assertThat(CALENDAR.isWorkingDay(date("2026-03-02"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(date("2026-03-07"))).isFalse();
    }

    @Test
    void shouldCountMakeUpSaturdayAsWorkingDay() {
        assertThat(CALENDAR.isWorkingDay(date("2026-02-14"))).isTrue();
        assertThat(CALENDAR.isMakeUpWorkday(date("2026-02-14"))).isTrue();
        assertThat(CALENDAR.makeUpWorkdayReason(date("2026-02-14"))).contains("春节");
        assertThat(add("2026-02-13", 1)).isEqualTo(new WorkingDate(date("2026-02-14"), false));
    }

    @Test
    void shouldCountMakeUpSundayAfterNewYearHolidaysAsFirstWorkingDay() {
        assertThat(add("2025-12-31", 1)).isEqualTo(new WorkingDate(date("2026-01-04"), false));
    }

    @Test
    void shouldNotCountHolidayOnAWeekday() {
        assertThat(CALENDAR.isWorkingDay(date("2026-10-01"))).isFalse();
        assertThat(CALENDAR.holidayName(date("2026-10-01"))).contains("国庆节");
        assertThat(CALENDAR.holidayName(date("2020-10-01"))).contains("国庆节、中秋节");
        assertThat(CALENDAR.holidayName(date("2026-03-02"))).isEmpty();
    }

    @Test
    void shouldTreatCancelledMakeUpSaturdayOf2020AsHolidayButKeepTheMakeUpSundayBeforeIt() {
        assertThat(CALENDAR.isWorkingDay(date("2020-02-01"))).isFalse();
        assertThat(CALENDAR.isMakeUpWorkday(date("2020-02-01"))).isFalse();
        assertThat(CALENDAR.holidayName(date("2020-02-01"))).contains("春节");
        assertThat(CALENDAR.isWorkingDay(date("2020-01-19"))).isTrue();
        assertThat(CALENDAR.isMakeUpWorkday(date("2020-01-19"))).isTrue();
    }

    @Test
    void shouldSkipTheWholeExtendedSpringFestivalOf2020() {
        assertThat(add("2020-01-23", 1)).isEqualTo(new WorkingDate(date("2020-02-03"), false));
    }

    @Test
    void shouldTreatNewYearsEveOf2024AsWorkingDayBecauseItWasOnlyEncouragedAsDayOff() {
        assertThat(CALENDAR.isWorkingDay(date("2024-02-09"))).isTrue();
        assertThat(add("2024-02-08", 1).date()).isEqualTo(date("2024-02-09"));
    }

    @Test
    void shouldTreatNewYearsEveOf2025AsHolidayUnderTheRevisedRules() {
        assertThat(CALENDAR.isWorkingDay(date("2025-01-28"))).isFalse();
    }

    @Test
    void shouldCountTheTwoMakeUpSundaysOfTheRearranged2019LabourDay() {
        assertThat(add("2019-04-26", 1).date()).isEqualTo(date("2019-04-28"));
        assertThat(add("2019-05-03", 0).date()).isEqualTo(date("2019-05-05"));
    }

    // --- counting across year boundaries ----------------------------------------------------------------

    @Test
    void shouldCrossIntoNextYearThroughNewYearDaysFiledInThePreviousYearsBlock() {
        assertThat(add("2018-12-28", 1)).isEqualTo(new WorkingDate(date("2018-12-29"), false));
        assertThat(add("2018-12-28", 2)).isEqualTo(new WorkingDate(date("2019-01-02"), false));
    }

    // --- where the count starts -------------------------------------------------------------------------

    @Test
    void shouldStartCountingOnTheDayAfterAHolidayEvent() {
        assertThat(add("2026-10-01", 1)).isEqualTo(new WorkingDate(date("2026-10-08"), false));
    }

    @Test
    void shouldCountFromWeekendEventAsIfItsFirstWorkingDayWereDayOne() {
        assertThat(add("2026-03-07", 1).date()).isEqualTo(date("2026-03-09"));
    }

    @Test
    void shouldReturnNextWorkingDayForZeroDaysFromAHoliday() {
        assertThat(add("2026-10-03", 0)).isEqualTo(new WorkingDate(date("2026-10-08"), false));
    }

    @Test
    void shouldReturnTheSameDayForZeroDaysFromAWorkingDay() {
        assertThat(add("2026-12-03", 0)).isEqualTo(new WorkingDate(date("2026-12-03"), false));
        assertThat(add("2026-02-14", 0)).isEqualTo(new WorkingDate(date("2026-02-14"), false));
    }

    @Test
    void shouldRejectNegativeNumberOfWorkingDays() {
        assertThatThrownBy(() -> add("2026-12-03", -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    // --- beyond coverage --------------------------------------------------------------------------------

    @Test
    void shouldMarkDueDateInUncoveredYearAsProvisionalAndSkipEstimatedNewYearsDay() {
        assertThat(add("2026-12-28", 5)).isEqualTo(new WorkingDate(date("2027-01-05"), true));
        assertThat(add("2026-12-31", 1)).isEqualTo(new WorkingDate(date("2027-01-04"), true));
    }

    @Test
    void shouldNotMarkDueDateInsideCoverageAsProvisional() {
        assertThat(add("2026-12-24", 3)).isEqualTo(new WorkingDate(date("2026-12-29"), false));
        assertThat(add("2026-12-31", 0)).isEqualTo(new WorkingDate(date("2026-12-31"), false));
    }

    @Test
    void shouldMarkCountThroughDaysBeforeCoverageAsProvisional() {
        assertThat(add("2017-12-29", 1)).isEqualTo(new WorkingDate(date("2018-01-02"), true));
    }

    @Test
    void shouldNotMarkCountAsProvisionalWhenOnlyTheUncountedEventDayIsOutsideCoverage() {
        assertThat(add("2017-12-31", 1)).isEqualTo(new WorkingDate(date("2018-01-02"), false));
    }

    @Test
    void shouldEstimateUncoveredYearsAsWeekdaysMinusFixedDateStatutoryHolidays() {
        assertThat(CALENDAR.isWorkingDay(date("2027-10-01"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(date("2028-05-01"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(date("2028-05-02"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(date("2028-05-03"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(date("2017-10-02"))).isFalse();
        // 2017-10-04 was really a National Day holiday; the estimate cannot know that.
        assertThat(CALENDAR.isWorkingDay(date("2017-10-04"))).isTrue();
        assertThat(CALENDAR.holidayName(date("2027-01-01"))).contains("元旦");
        assertThat(CALENDAR.isMakeUpWorkday(date("2027-01-02"))).isFalse();
    }

    // --- workingDaysBetween -----------------------------------------------------------------------------

    @Test
    void shouldCountWorkingDaysAfterFromUpToAndIncludingTo() {
        assertThat(CALENDAR.workingDaysBetween(date("2026-09-30"), date("2026-10-10"))).isEqualTo(3);
        assertThat(CALENDAR.workingDaysBetween(date("2025-12-31"), date("2026-12-31"))).isEqualTo(248);
    }

    @Test
    void shouldCountZeroWorkingDaysWhenToIsNotAfterFrom() {
        assertThat(CALENDAR.workingDaysBetween(date("2026-10-08"), date("2026-10-08"))).isZero();
        assertThat(CALENDAR.workingDaysBetween(date("2026-10-10"), date("2026-09-30"))).isZero();
    }

    @Test
    void shouldCountWorkingDaysAcrossBothEndsOfCoverage() {
        assertThat(CALENDAR.workingDaysBetween(date("2026-12-24"), date("2027-01-05"))).isEqualTo(7);
        assertThat(CALENDAR.workingDaysBetween(date("2017-12-29"), date("2018-01-02"))).isEqualTo(1);
    }

    @Test
    void shouldAgreeWithDayByDayCountingForEveryStartDayAndUpToEightyWorkingDays() {
        for (LocalDate start = date("2018-01-01"); !start.isAfter(date("2026-12-31")); start = start.plusDays(1)) {
            LocalDate zeroDays = CALENDAR.addWorkingDays(start, 0).date();
            assertThat(zeroDays).as("0 WD from %s", start)
                    .isEqualTo(CALENDAR.isWorkingDay(start) ? start : nextWorkingDayByWalking(start));

            LocalDate walked = start;
            for (int n = 1; n <= 80; n++) {
                walked = nextWorkingDayByWalking(walked);
                WorkingDate due = CALENDAR.addWorkingDays(start, n);
                assertThat(due.date()).as("%d WD from %s", n, start).isEqualTo(walked);
                assertThat(due.provisional()).as("provisional %d WD from %s", n, start)
                        .isEqualTo(walked.getYear() > 2026);
                assertThat(CALENDAR.workingDaysBetween(start, due.date())).as("between %s and %s", start, walked)
                        .isEqualTo(n);
            }
        }
    }

    private static LocalDate nextWorkingDayByWalking(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!CALENDAR.isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    // --- reading and validating the file ----------------------------------------------------------------

    private static WorkingDayCalendar parse(String yaml) {
        return WorkingDayCalendar.parse(new StringReader(yaml), "inline-test.yaml");
    }

    @Test
    void shouldKeepDatesAsCalendarDatesWhateverTheJvmZone() {
        WorkingDayCalendar calendar = parse("""
                2030:
                  holidays:
                    - {date: 2030-01-01, name: 元旦}
                  workdays:
                    - {date: 2030-01-05, name: 元旦}
                """);

        assertThat(calendar.coveredYears()).containsExactly(2030);
        assertThat(calendar.holidayName(date("2030-01-01"))).contains("元旦");
        assertThat(calendar.isWorkingDay(date("2030-01-01"))).isFalse();
        assertThat(calendar.isWorkingDay(date("2029-12-31"))).isTrue();
        assertThat(calendar.isWorkingDay(date("2030-01-05"))).isTrue();
    }

    @Test
    void shouldRejectFileThatIsNotValidYamlNamingTheSource() {
        assertThatThrownBy(() -> parse("""
                2026:
                  holidays:
                    - {date: 2026-01-01, name: 元旦
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inline-test.yaml");
    }

    @Test
    void shouldRejectImpossibleDateNamingSourceYearAndEntry() {
        assertThatThrownBy(() -> parse("""
                2026:
                  holidays:
                    - {date: 2026-01-01, name: 元旦}
                    - {date: 2026-02-30, name: 春节}
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inline-test.yaml line 4")
                .hasMessageContaining("year 2026")
                .hasMessageContaining("{date: 2026-02-30, name: 春节}");
    }

    @Test
    void shouldRejectDateFiledUnderTheBlockOfAnotherYear() {
        assertThatThrownBy(() -> parse("""
                2026:
                  holidays:
                    - {date: 2025-12-31, name: 元旦}
                    - {date: 2026-01-01, name: 元旦}
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inline-test.yaml")
                .hasMessageContaining("2025-12-31 is filed under year 2026");
    }

    @Test
    void shouldRejectDateThatIsBothHolidayAndWorkday() {
        assertThatThrownBy(() -> parse("""
                2026:
                  holidays:
                    - {date: 2026-02-14, name: 春节}
                  workdays:
                    - {date: 2026-02-14, name: 春节}
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inline-test.yaml line 5")
                .hasMessageContaining("2026-02-14 is listed both as a holiday and as a workday");
    }

    @Test
    void shouldRejectWorkdayThatIsNotAWeekendDay() {
        assertThatThrownBy(() -> parse("""
                2026:
                  holidays:
                    - {date: 2026-01-01, name: 元旦}
                  workdays:
                    - {date: 2026-02-13, name: 春节}
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inline-test.yaml")
                .hasMessageContaining("year 2026 workdays entry {date: 2026-02-13, name: 春节}")
                .hasMessageContaining("FRIDAY");
    }

    @Test
    void shouldRejectDuplicateEntry() {
        assertThatThrownBy(() -> parse("""
                2026:
                  holidays:
                    - {date: 2026-01-01, name: 元旦}
                    - {date: 2026-01-01, name: 元旦}
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inline-test.yaml line 4")
                .hasMessageContaining("2026-01-01 is listed twice");
    }

    @Test
    void shouldRejectEntryWithoutDate() {
        assertThatThrownBy(() -> parse("""
                2026:
                  holidays:
                    - {name: 元旦}
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inline-test.yaml line 3")
                .hasMessageContaining("year 2026 holidays entry {name: 元旦} has no date");
    }

    @Test
    void shouldRejectYearBlockWithoutHolidaysBecauseItWouldPassForAnAnnouncedYear() {
        assertThatThrownBy(() -> parse("""
                2027:
                  holidays: []
                  workdays: []
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inline-test.yaml")
                .hasMessageContaining("year 2027 has no holidays");
    }

    @Test
    void shouldRejectGapBetweenCoveredYears() {
        assertThatThrownBy(() -> parse("""
                2025:
                  holidays:
                    - {date: 2025-01-01, name: 元旦}
                2027:
                  holidays:
                    - {date: 2027-01-01, name: 元旦}
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inline-test.yaml has no block for year 2026");
    }

    @Test
    void shouldRejectSecondBlockForTheSameYear() {
        assertThatThrownBy(() -> parse("""
                2026:
                  holidays:
                    - {date: 2026-01-01, name: 元旦}
                2026:
                  holidays:
                    - {date: 2026-10-01, name: 国庆节}
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inline-test.yaml line 4")
                .hasMessageContaining("year 2026 has more than one block");
    }

    @Test
    void shouldRejectUnknownKeyInYearBlock() {
        assertThatThrownBy(() -> parse("""
                2026:
                  holiday:
                    - {date: 2026-01-01, name: 元旦}
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inline-test.yaml line 2")
                .hasMessageContaining("unknown key 'holiday'");
    }

    @Test
    void shouldReportMissingFileWithItsPath() {
        assertThatThrownBy(() -> WorkingDayCalendar.load(Path.of("sla-config/no-such-calendar.yaml")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("no-such-calendar.yaml");
    }
}
