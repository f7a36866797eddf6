package org.powerconnect.workflow;

import java.util.List;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.powerconnect.EngineTestSupport;
import org.powerconnect.connection.CustomerType;
import org.powerconnect.connection.Department;
import org.powerconnect.connection.ExternalLineWork;
import org.powerconnect.connection.Stage;
import org.powerconnect.connection.VoltageClass;
import org.powerconnect.intake.Application;
import org.powerconnect.permits.PermitDecision.Decision;
import org.powerconnect.sla.SlaBreach;
import org.powerconnect.sla.SlaClock;
import org.powerconnect.worklist.StageOutcome;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.powerconnect.workflow.ConnectionProcessTest.permitTask;
import static org.powerconnect.workflow.ConnectionProcessTest.permits;

/**
 * Every SLA timer fires at exactly its working-day due date. The dates were counted by hand on the 2026
 * calendar: 2026-09-25..27 Mid-Autumn and 2026-10-01..07 National Day are holidays, Saturday 2026-10-10 is
 * a make-up working day; a day ends at the 17:00 cut-off. So the working days after Thursday 2026-09-24 are
 * 09-28 (1), 09-29 (2), 09-30 (3), 10-08 (4), 10-09 (5), 10-10 (6), 10-12 (7), 10-13 (8), 10-14 (9), 10-15 (10) …
 */
class SlaTimersTest extends EngineTestSupport {

    @Test
    void shouldFireTheAcceptanceTimerAtTheCutoffOfTheSameWorkingDayAndLeaveTheTaskWithTheWindow() {
        at("2026-09-24T10:00");
        Application application = submit(VoltageClass.LOW_VOLTAGE, 20, CustomerType.NON_RESIDENTIAL);

        Job timer = timer(application, "BoundaryEvent_AcceptanceOverdue");
        assertThat(timer.getDuedate().toInstant()).isEqualTo(shanghai("2026-09-24T17:00"));
        assertThat(task(application, "UserTask_AcceptApplication").dueAt()).isEqualTo(shanghai("2026-09-24T17:00"));

        at("2026-09-24T16:59:59");
        assertThat(executableTimers(application)).isEmpty();

        at("2026-09-24T17:00");
        assertThat(executableTimers(application)).extracting(Job::getId).containsExactly(timer.getId());
        management.executeJob(timer.getId());

        assertThat(clocks.breachesOf(application.applicationNo())).singleElement().satisfies(breach -> {
            assertThat(breach.stage()).isEqualTo(Stage.ACCEPTANCE);
            assertThat(breach.department()).isEqualTo(Department.GRID_SERVICE_WINDOW);
            assertThat(breach.dueAt()).isEqualTo(shanghai("2026-09-24T17:00"));
            assertThat(breach.firedAt()).isEqualTo(shanghai("2026-09-24T17:00"));
        });
        assertThat(processOf(application)).isWaitingAt("UserTask_AcceptApplication");
        assertThat(task(application, "UserTask_AcceptApplication").department()).isEqualTo(Department.GRID_SERVICE_WINDOW);
    }

    @Test
    void shouldCountAnApplicationAfterTheCutoffFromTheNextDayAcrossTheMidAutumnHolidays() {
        at("2026-09-24T18:00");
        Application application = submit(VoltageClass.LOW_VOLTAGE, 20, CustomerType.NON_RESIDENTIAL);

        assertThat(timer(application, "BoundaryEvent_AcceptanceOverdue").getDuedate().toInstant())
                .isEqualTo(shanghai("2026-09-28T17:00"));
    }

    @Test
    void shouldDueSurveyOpinionsInFiveAndTheHighVoltagePlanInTenWorkingDaysAcrossNationalDay() {
        Application application = acceptedAt("2026-09-24T10:00", VoltageClass.HIGH_VOLTAGE, 1000);

        for (String timer : List.of("BoundaryEvent_PlanningSurveyOpinionOverdue",
                "BoundaryEvent_ConstructionSurveyOpinionOverdue", "BoundaryEvent_ForestrySurveyOpinionOverdue")) {
            assertThat(timer(application, timer).getDuedate().toInstant()).as(timer)
                    .isEqualTo(shanghai("2026-10-09T17:00"));
        }
        assertThat(timer(application, "BoundaryEvent_SupplyPlanOverdue").getDuedate().toInstant())
                .isEqualTo(shanghai("2026-10-15T17:00"));

        at("2026-10-09T17:00");
        fire(application, "BoundaryEvent_PlanningSurveyOpinionOverdue");

        assertThat(clocks.breachesOf(application.applicationNo())).singleElement().satisfies(breach -> {
            assertThat(breach.stage()).isEqualTo(Stage.SURVEY_OPINION);
            assertThat(breach.department()).isEqualTo(Department.PLANNING_BUREAU);
        });
        assertThat(processOf(application)).isWaitingAt("UserTask_GiveSurveyOpinionPlanning");
    }

    @Test
    void shouldDueTheLowVoltagePlanInTwoWorkingDays() {
        Application application = acceptedAt("2026-09-24T10:00", VoltageClass.LOW_VOLTAGE, 50);

        assertThat(timer(application, "BoundaryEvent_SupplyPlanOverdue").getDuedate().toInstant())
                .isEqualTo(shanghai("2026-09-29T17:00"));
        at("2026-09-29T17:00");
        fire(application, "BoundaryEvent_SupplyPlanOverdue");

        assertThat(clocks.breachesOf(application.applicationNo())).extracting(SlaBreach::stage)
                .containsExactly(Stage.SUPPLY_PLAN);
    }

    @Test
    void shouldStartTheOverallClockWithTheLongestLimitAndMoveItsTimerWhenThePlanIsDecided() {
        Application application = acceptedAt("2026-09-24T10:00", VoltageClass.HIGH_VOLTAGE, 500);

        // 70 working days run past 2026: 2027 has no official data yet, so the date is provisional
        // (estimated with 2027-01-01 as a holiday)
        SlaClock overall = runningClock(application, "SubProcess_Connection");
        assertThat(overall.limitWorkingDays()).isEqualTo(70);
        assertThat(overall.dueAt()).isEqualTo(shanghai("2027-01-08T17:00"));
        assertThat(overall.provisional()).isTrue();
        assertThat(timer(application, "BoundaryEvent_ConnectionOverdue").getDuedate().toInstant())
                .isEqualTo(shanghai("2027-01-08T17:00"));

        giveSurveyOpinions(application);
        complete(application, "UserTask_ReplySupplyPlan",
                new StageOutcome.SupplyPlanReply(ExternalLineWork.NONE, List.of(), null));

        SlaClock rebased = runningClock(application, "SubProcess_Connection");
        assertThat(rebased.limitWorkingDays()).isEqualTo(15);
        assertThat(rebased.startedAt()).isEqualTo(overall.startedAt());
        assertThat(rebased.dueAt()).isEqualTo(shanghai("2026-10-22T17:00"));
        assertThat(rebased.provisional()).isFalse();
        assertThat(timer(application, "BoundaryEvent_ConnectionOverdue").getDuedate().toInstant())
                .isEqualTo(shanghai("2026-10-22T17:00"));
        assertThat(task(application, "UserTask_PowerOn").dueAt()).isEqualTo(shanghai("2026-10-22T17:00"));

        at("2026-10-22T16:59");
        assertThat(executableTimers(application)).isEmpty();
        at("2026-10-22T17:00");
        fire(application, "BoundaryEvent_ConnectionOverdue");
        assertThat(clocks.breachesOf(application.applicationNo())).singleElement().satisfies(breach -> {
            assertThat(breach.stage()).isEqualTo(Stage.OVERALL);
            assertThat(breach.department()).isEqualTo(Department.GRID_SERVICE_WINDOW);
        });
        assertThat(processOf(application)).isWaitingAt("UserTask_PowerOn");
    }

    @Test
    void shouldDueEveryPermitFiveWorkingDaysAfterThePlanCountingTheMakeUpSaturday() {
        Application application = acceptedAt("2026-09-24T10:00", VoltageClass.LOW_VOLTAGE, 200);
        giveSurveyOpinions(application);
        at("2026-09-29T16:00");
        List<Stage> all = List.copyOf(Stage.PERMITS);
        complete(application, "UserTask_ReplySupplyPlan",
                new StageOutcome.SupplyPlanReply(ExternalLineWork.WITH_EXCAVATION, all, null));

        // 09-30 (1), 10-08 (2), 10-09 (3), Saturday 10-10 (4), 10-12 (5)
        List<Job> timers = List.of("BoundaryEvent_PlanningPermitOverdue", "BoundaryEvent_ExcavationPermitOverdue",
                "BoundaryEvent_RoadOccupancyPermitOverdue", "BoundaryEvent_RiverOccupancyPermitOverdue",
                "BoundaryEvent_UrbanOccupancyPermitOverdue", "BoundaryEvent_GreeningPermitOverdue").stream()
                .map(timer -> timer(application, timer)).toList();
        assertThat(timers).allSatisfy(job ->
                assertThat(job.getDuedate().toInstant()).isEqualTo(shanghai("2026-10-12T17:00")));

        at("2026-10-12T17:00");
        timers.forEach(job -> management.executeJob(job.getId()));

        assertThat(clocks.breachesOf(application.applicationNo()))
                .extracting(breach -> breach.stage().key() + "@" + breach.department().key())
                .containsExactlyInAnyOrder("planning-permit@planning-bureau", "excavation-permit@construction-bureau",
                        "road-occupancy-permit@construction-bureau", "river-occupancy-permit@water-bureau",
                        "urban-occupancy-permit@urban-management-bureau", "greening-permit@forestry-bureau");
        assertThat(worklist.openTasksOf(application.applicationNo())).hasSize(6);
    }

    @ParameterizedTest(name = "{0} {1}: construction due {2}")
    @CsvSource({
            "LOW_VOLTAGE,  WITHOUT_EXCAVATION, 2026-10-09T17:00",
            "LOW_VOLTAGE,  WITH_EXCAVATION,    2026-10-15T17:00",
            "HIGH_VOLTAGE, WITHOUT_EXCAVATION, 2026-11-12T17:00",
            "HIGH_VOLTAGE, WITH_EXCAVATION,    2026-11-19T17:00"})
    void shouldDueConstructionByVoltageClassAndRoadExcavation(VoltageClass voltageClass, ExternalLineWork work,
            String due) {
        Application application = acceptedAt("2026-09-24T10:00", voltageClass, 300);
        giveSurveyOpinions(application);
        List<Stage> permits = work == ExternalLineWork.WITH_EXCAVATION ? permits("excavation-permit") : List.of();
        complete(application, "UserTask_ReplySupplyPlan", new StageOutcome.SupplyPlanReply(work, permits, null));
        for (Stage permit : permits) {
            complete(application, permitTask(permit), new StageOutcome.PermitOutcome(Decision.APPROVED, null));
        }

        assertThat(timer(application, "BoundaryEvent_ConstructionOverdue").getDuedate().toInstant())
                .isEqualTo(shanghai(due));
        if (work == ExternalLineWork.WITH_EXCAVATION) {
            // the excavation fee: 10 working days in sla-config/
            assertThat(timer(application, "BoundaryEvent_ExcavationFeeOverdue").getDuedate().toInstant())
                    .isEqualTo(shanghai("2026-10-15T17:00"));
        }
        at(due);
        fire(application, "BoundaryEvent_ConstructionOverdue");
        assertThat(clocks.breachesOf(application.applicationNo())).extracting(SlaBreach::stage)
                .containsExactly(Stage.CONSTRUCTION);
        assertThat(processOf(application)).isWaitingAt("UserTask_BuildExternalLine");
    }

    @Test
    void shouldGiveTheRevisedPlanItsOwnClockAfterARejection() {
        Application application = acceptedAt("2026-09-24T10:00", VoltageClass.LOW_VOLTAGE, 200);
        giveSurveyOpinions(application);
        complete(application, "UserTask_ReplySupplyPlan", new StageOutcome.SupplyPlanReply(
                ExternalLineWork.WITHOUT_EXCAVATION, permits("planning-permit"), null));
        at("2026-09-28T11:00");
        complete(application, "UserTask_IssuePlanningPermit",
                new StageOutcome.PermitOutcome(Decision.REJECTED, "conflicts with the zoning plan"));

        // 09-29 (1), 09-30 (2)
        assertThat(timer(application, "BoundaryEvent_RevisedSupplyPlanOverdue").getDuedate().toInstant())
                .isEqualTo(shanghai("2026-09-30T17:00"));
        assertThat(clocks.clocksOf(application.applicationNo())).filteredOn(c -> c.stage() == Stage.SUPPLY_PLAN)
                .extracting(SlaClock::outcome).containsExactly(SlaClock.Outcome.COMPLETED, SlaClock.Outcome.RUNNING);
    }

    @Test
    void shouldRecordABreachWhenATaskIsCompletedLateBeforeItsTimerRan() {
        at("2026-09-24T10:00");
        Application application = submit(VoltageClass.LOW_VOLTAGE, 20, CustomerType.NON_RESIDENTIAL);

        at("2026-09-24T17:30");
        complete(application, "UserTask_AcceptApplication", done());

        assertThat(clocks.breachesOf(application.applicationNo())).singleElement().satisfies(breach -> {
            assertThat(breach.stage()).isEqualTo(Stage.ACCEPTANCE);
            assertThat(breach.firedAt()).isEqualTo(shanghai("2026-09-24T17:30"));
        });
    }

    @Test
    void shouldRecordEachBreachOnceWhenItsTimerJobRunsAgain() {
        at("2026-09-24T10:00");
        Application application = submit(VoltageClass.LOW_VOLTAGE, 20, CustomerType.NON_RESIDENTIAL);
        SlaClock clock = runningClock(application, "UserTask_AcceptApplication");
        at("2026-09-24T17:00");
        fire(application, "BoundaryEvent_AcceptanceOverdue");

        // a retried job (the breach listener called again for the same clock) writes nothing more
        at("2026-09-24T17:05");
        assertThat(clocks.recordBreach(clock, shanghai("2026-09-24T17:05"))).isFalse();
        assertThat(clocks.breachesOf(application.applicationNo())).hasSize(1);
        assertThat(clocks.breachesOf(application.applicationNo()).get(0).firedAt())
                .isEqualTo(shanghai("2026-09-24T17:00"));
        // and the database itself refuses a second breach of one clock
        assertThatThrownBy(() -> jdbc.update("""
                insert into sla_breach (clock_id, application_no, stage, department, due_at, fired_at)
                select clock_id, application_no, stage, department, due_at, fired_at from sla_breach where clock_id = ?
                """, clock.id())).isInstanceOf(DataIntegrityViolationException.class);
    }

    private Application acceptedAt(String shanghaiDateTime, VoltageClass voltageClass, int capacityKva) {
        at(shanghaiDateTime);
        Application application = submit(voltageClass, capacityKva, CustomerType.NON_RESIDENTIAL);
        complete(application, "UserTask_AcceptApplication", done());
        return application;
    }

    /** Runs a timer that must be due now. */
    private void fire(Application application, String boundaryEventId) {
        Job job = timer(application, boundaryEventId);
        assertThat(executableTimers(application)).extracting(Job::getId).contains(job.getId());
        management.executeJob(job.getId());
    }
}
