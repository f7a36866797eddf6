package org.powerconnect.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.powerconnect.sla.DeadlineCalculator.Deadline;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Expected dates were worked out by hand from sla-config/cn-workday-calendar.yaml. Surefire runs this with
 * the JVM in America/Los_Angeles, so any use of the default zone shows up as a wrong day.
 */
class DeadlineCalculatorTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final DeadlineCalculator calculator =
            new DeadlineCalculator(WorkingDayCalendarTest.CALENDAR, SHANGHAI, LocalTime.of(17, 0));

    private final Logger calculatorLog = (Logger) LoggerFactory.getLogger(DeadlineCalculator.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        logged.start();
        calculatorLog.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        calculatorLog.detachAppender(logged);
    }

    @Test
    void shouldCountEventAfterCutoffAsEventOfTheNextDay() {
        Deadline deadline = calculator.dueAfter(OffsetDateTime.parse("2026-12-03T18:00+08:00").toInstant(), 5);

        assertThat(deadline.countedFrom()).isEqualTo(LocalDate.parse("2026-12-04"));
        assertThat(deadline.workingDays()).isEqualTo(5);
        assertThat(deadline.dueDate()).isEqualTo(LocalDate.parse("2026-12-11"));
        assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2026-12-11T09:00:00Z"));
        assertThat(calculator.dueAtLocal(deadline)).isEqualTo(OffsetDateTime.parse("2026-12-11T17:00+08:00"));
        assertThat(deadline.provisional()).isFalse();
    }

    @Test
    void shouldCountEventJustBeforeCutoffFromItsOwnDay() {
        Deadline deadline = calculator.dueAfter(OffsetDateTime.parse("2026-12-03T16:59+08:00").toInstant(), 5);

        assertThat(deadline.countedFrom()).isEqualTo(LocalDate.parse("2026-12-03"));
        assertThat(deadline.dueDate()).isEqualTo(LocalDate.parse("2026-12-10"));
        assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2026-12-10T09:00:00Z"));
    }

    @Test
    void shouldCountEventExactlyAtCutoffAsEventOfTheNextDay() {
        assertThat(calculator.countedDay(OffsetDateTime.parse("2026-12-03T17:00+08:00").toInstant()))
                .isEqualTo(LocalDate.parse("2026-12-04"));
    }

    @Test
    void shouldUseTheOfficeDateWhenTheUtcDateDiffers() {
        // 2026-12-04 04:00 in Shanghai, still 2026-12-03 in UTC and in the test JVM's Los Angeles.
        Instant event = Instant.parse("2026-12-03T20:00:00Z");

        assertThat(calculator.countedDay(event)).isEqualTo(LocalDate.parse("2026-12-04"));
        assertThat(calculator.dueAfter(event, 1).dueAt()).isEqualTo(Instant.parse("2026-12-07T09:00:00Z"));
    }

    @Test
    void shouldApplyCutoffInOfficeTimeNotUtc() {
        // 17:30 in Shanghai although only 09:30 in UTC.
        assertThat(calculator.countedDay(Instant.parse("2026-12-03T09:30:00Z")))
                .isEqualTo(LocalDate.parse("2026-12-04"));
    }

    @Test
    void shouldLetAFridayEveningEventBeCountedFromAMakeUpSaturday() {
        Deadline deadline = calculator.dueAfter(OffsetDateTime.parse("2026-02-13T23:30+08:00").toInstant(), 1);

        assertThat(deadline.countedFrom()).isEqualTo(LocalDate.parse("2026-02-14"));
        assertThat(deadline.dueDate()).isEqualTo(LocalDate.parse("2026-02-24"));
    }

    @Test
    void shouldBeDueAtTheEndOfTheEventDayForZeroWorkingDaysDuringOfficeHours() {
        Deadline deadline = calculator.dueAfter(LocalDate.parse("2026-12-03"), 0);

        assertThat(deadline.dueDate()).isEqualTo(LocalDate.parse("2026-12-03"));
        assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2026-12-03T09:00:00Z"));
    }

    @Test
    void shouldMarkDeadlineBeyondTheCalendarAsProvisionalAndWarnOnceWhenAsked() {
        Deadline deadline = calculator.dueAfter(LocalDate.parse("2026-12-28"), 5);

        assertThat(deadline.dueDate()).isEqualTo(LocalDate.parse("2027-01-05"));
        assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2027-01-05T09:00:00Z"));
        assertThat(deadline.provisional()).isTrue();
        assertThat(logged.list).as("computing alone logs nothing").isEmpty();

        calculator.warnIfProvisional(deadline, "Application YC-20261228-000001, supply-plan");
        assertThat(logged.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage())
                    .startsWith("Application YC-20261228-000001, supply-plan: due date 2027-01-05 is provisional")
                    .contains("no data after 2026-12-31")
                    .contains("5 working day(s) counted from 2026-12-28");
        });
    }

    @Test
    void shouldNotWarnForDeadlineInsideTheCalendar() {
        Deadline deadline = calculator.dueAfter(LocalDate.parse("2026-12-24"), 3);

        assertThat(deadline.dueDate()).isEqualTo(LocalDate.parse("2026-12-29"));
        assertThat(deadline.provisional()).isFalse();
        calculator.warnIfProvisional(deadline, "Application YC-20261224-000001, supply-plan");
        assertThat(logged.list).isEmpty();
    }
}
