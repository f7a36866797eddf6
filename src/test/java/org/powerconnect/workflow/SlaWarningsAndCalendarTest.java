package org.powerconnect.workflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powerconnect.EngineTestSupport;
import org.powerconnect.connection.CustomerType;
import org.powerconnect.connection.Stage;
import org.powerconnect.connection.VoltageClass;
import org.powerconnect.intake.Application;
import org.powerconnect.sla.DeadlineCalculator;
import org.powerconnect.sla.PauseReason;
import org.powerconnect.sla.SlaClock;
import org.powerconnect.sla.SlaPause;
import org.powerconnect.sla.SlaPauses;
import org.powerconnect.sla.SlaRecalculation;
import org.powerconnect.sla.SlaWarnings;
import org.powerconnect.sla.WorkingDayCalendar;
import org.powerconnect.worklist.StageOutcome;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Warnings before breaches, and running clocks that follow a changed calendar. Dates counted by hand on the
 * 2026 calendar (09-25..27 and 10-01..07 holidays, make-up Saturday 10-10; a day ends at 17:00).
 */
class SlaWarningsAndCalendarTest extends EngineTestSupport {

    @Autowired
    private SlaWarnings warnings;
    @Autowired
    private SlaPauses pauses;
    @Autowired
    private SlaRecalculation recalculation;

    @Test
    void shouldWarnTwoHoursBeforeTheAcceptanceCutoffOnce() {
        at("2026-09-24T10:00");
        Application application = submit(VoltageClass.LOW_VOLTAGE, 20, CustomerType.NON_RESIDENTIAL);
        assertThat(runningClock(application, "UserTask_AcceptApplication").warnAt())
                .isEqualTo(shanghai("2026-09-24T15:00"));

        warnings.recordDue(shanghai("2026-09-24T14:59"));
        assertThat(warningsOf(application)).isEmpty();

        warnings.recordDue(shanghai("2026-09-24T15:00"));
        warnings.recordDue(shanghai("2026-09-24T15:30"));
        assertThat(warningsOf(application)).containsExactly("acceptance@grid-service-window@2026-09-24T07:00:00Z");
    }

    @Test
    void shouldWarnAtTheStartOfTheLastWorkingDayAndNotWhilePaused() {
        at("2026-09-24T10:00");
        Application application = submit(VoltageClass.LOW_VOLTAGE, 20, CustomerType.NON_RESIDENTIAL);
        complete(application, "UserTask_AcceptApplication", done());
        // low-voltage plan: due 09-29 17:00 (09-28, 09-29), so it warns at 00:00 on 09-29
        SlaClock plan = runningClock(application, "UserTask_ReplySupplyPlan");
        assertThat(plan.warnAt()).isEqualTo(shanghai("2026-09-29T00:00"));

        at("2026-09-28T09:00");
        SlaPause pause = pauses.start(application.applicationNo(), PauseReason.APPLICANT_CONFIRMATION,
                Stage.SUPPLY_PLAN, null, "the applicant confirms the connection point", "grid-planning",
                shanghai("2026-09-28T09:00"));
        warnings.recordDue(shanghai("2026-09-29T08:00"));
        assertThat(warningsOf(application)).noneMatch(w -> w.startsWith("supply-plan"));

        // ended on 09-30: 09-29 and 09-30 were lost, so 09-29 + 2 working days (09-30, 10-08) → due 10-08,
        // and the warning moves to the start of 10-08
        at("2026-09-30T10:00");
        pauses.end(application.applicationNo(), pause.id(), "grid-planning", shanghai("2026-09-30T10:00"));
        assertThat(runningClock(application, "UserTask_ReplySupplyPlan").warnAt())
                .isEqualTo(shanghai("2026-10-08T00:00"));
        warnings.recordDue(shanghai("2026-10-07T23:00"));
        assertThat(warningsOf(application)).noneMatch(w -> w.startsWith("supply-plan"));
        warnings.recordDue(shanghai("2026-10-08T00:00"));
        assertThat(warningsOf(application)).anyMatch(w -> w.startsWith("supply-plan@grid-planning"));
    }

    @Test
    void shouldMoveRunningClocksAndTheirTimersToANewCalendarAndLeaveCompletedOnesAlone(@TempDir Path dir)
            throws Exception {
        at("2026-09-24T10:00");
        Application running = submit(VoltageClass.HIGH_VOLTAGE, 500, CustomerType.NON_RESIDENTIAL);
        complete(running, "UserTask_AcceptApplication", done());
        Application finished = submit(VoltageClass.LOW_VOLTAGE, 8, CustomerType.RESIDENTIAL);
        complete(finished, "UserTask_AcceptApplication", done());
        giveSurveyOpinions(finished);
        complete(finished, "UserTask_ReplySupplyPlan", new StageOutcome.SupplyPlanReply(null, null, null));
        complete(finished, "UserTask_PowerOn", done());
        List<SlaClock> finishedBefore = clocks.clocksOf(finished.applicationNo());

        // 70 working days from 09-24: the 65th is 2026-12-31; 2027 has no data, so it is estimated with 01-01 as
        // the only holiday: 01-04 .. 01-08 → 2027-01-08, provisional
        SlaClock overall = runningClock(running, "SubProcess_Connection");
        assertThat(overall.dueAt()).isEqualTo(shanghai("2027-01-08T17:00"));
        assertThat(overall.provisional()).isTrue();

        // a HYPOTHETICAL 2027 notice, for this test only: 01-01, 01-04 and 01-05 off, Saturday 01-09 worked.
        // Then 01-06 (66), 01-07 (67), 01-08 (68), 01-09 (69), 01-11 (70) → 2027-01-11
        Path calendarFile = dir.resolve("calendar.yaml");
        Files.writeString(calendarFile, Files.readString(Path.of("sla-config/cn-workday-calendar.yaml")) + """

                2027:
                  holidays:
                    - {date: 2027-01-01, name: 元旦}
                    - {date: 2027-01-04, name: test}
                    - {date: 2027-01-05, name: test}
                  workdays:
                    - {date: 2027-01-09, name: test}
                """);
        DeadlineCalculator newCalendar = new DeadlineCalculator(WorkingDayCalendar.load(calendarFile), SHANGHAI,
                LocalTime.of(17, 0));

        at("2026-10-20T09:00");
        recalculation.recalculate(newCalendar, "2027 notice loaded", shanghai("2026-10-20T09:00"));

        SlaClock moved = runningClock(running, "SubProcess_Connection");
        assertThat(moved.dueAt()).isEqualTo(shanghai("2027-01-11T17:00"));
        assertThat(moved.provisional()).isFalse();
        assertThat(moved.originalDueAt()).isEqualTo(shanghai("2027-01-08T17:00"));
        assertThat(timer(running, "BoundaryEvent_ConnectionOverdue").getDuedate().toInstant())
                .isEqualTo(shanghai("2027-01-11T17:00"));
        assertThat(jdbc.queryForList("select old_due_at, new_due_at, cause from sla_due_change where clock_id = ?",
                moved.id())).singleElement().satisfies(change -> {
                    assertThat(change.get("cause")).isEqualTo("2027 notice loaded");
                    assertThat(instant(change.get("old_due_at"))).isEqualTo(shanghai("2027-01-08T17:00"));
                    assertThat(instant(change.get("new_due_at"))).isEqualTo(shanghai("2027-01-11T17:00"));
                });
        // the supply plan (due 10-15) did not change: 2026 data is the same
        assertThat(runningClock(running, "UserTask_ReplySupplyPlan").dueAt()).isEqualTo(shanghai("2026-10-15T17:00"));
        assertThat(clocks.clocksOf(finished.applicationNo())).isEqualTo(finishedBefore);
    }

    private List<String> warningsOf(Application application) {
        return jdbc.queryForList("select stage, department, warn_at from sla_warning where application_no = ? order by id",
                application.applicationNo()).stream()
                .map(row -> row.get("stage") + "@" + row.get("department") + "@" + instant(row.get("warn_at")))
                .toList();
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant() : ((OffsetDateTime) value).toInstant();
    }
}
