package org.powerconnect.workflow;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.powerconnect.EngineTestSupport;
import org.powerconnect.connection.CustomerType;
import org.powerconnect.connection.ExternalLineWork;
import org.powerconnect.connection.Stage;
import org.powerconnect.connection.VoltageClass;
import org.powerconnect.intake.Application;
import org.powerconnect.intake.ApplicationStatus;
import org.powerconnect.permits.PermitDecision.Decision;
import org.powerconnect.sla.PauseReason;
import org.powerconnect.sla.SlaClock;
import org.powerconnect.sla.SlaPauses;
import org.powerconnect.supplyplan.SupplyPlans;
import org.springframework.beans.factory.annotation.Autowired;
import org.powerconnect.worklist.StageOutcome;
import org.powerconnect.worklist.StageTask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/** Every path of the connection process, from acceptance to power-on, on the real engine. */
class ConnectionProcessTest extends EngineTestSupport {

    @Autowired
    private SupplyPlans supplyPlans;
    @Autowired
    private SlaPauses pauses;

    @ParameterizedTest(name = "{0} with external-line work {1}")
    @CsvSource({
            "LOW_VOLTAGE,  NONE,               ''",
            "LOW_VOLTAGE,  WITHOUT_EXCAVATION, 'planning-permit,urban-occupancy-permit'",
            "LOW_VOLTAGE,  WITH_EXCAVATION,    'planning-permit,excavation-permit,road-occupancy-permit'",
            "HIGH_VOLTAGE, NONE,               ''",
            "HIGH_VOLTAGE, WITHOUT_EXCAVATION, 'planning-permit,river-occupancy-permit,greening-permit'",
            "HIGH_VOLTAGE, WITH_EXCAVATION,    'planning-permit,excavation-permit,road-occupancy-permit,river-occupancy-permit,urban-occupancy-permit,greening-permit'"})
    void shouldTakeEveryVoltageClassAndExternalLineWorkToPowerOn(VoltageClass voltageClass, ExternalLineWork work,
            String permitKeys) {
        at("2026-09-24T10:00");
        Application application = submit(voltageClass, 80, CustomerType.NON_RESIDENTIAL);
        ProcessInstance instance = processOf(application);
        assertThat(instance).isWaitingAt("UserTask_AcceptApplication");

        complete(application, "UserTask_AcceptApplication", done());
        assertThat(instance).isWaitingAt(SURVEY_OPINIONS).isWaitingAt("UserTask_ReplySupplyPlan");

        giveSurveyOpinions(application);
        List<Stage> permits = permits(permitKeys);
        complete(application, "UserTask_ReplySupplyPlan", new StageOutcome.SupplyPlanReply(work, permits, "typical plan"));

        if (work == ExternalLineWork.NONE) {
            assertThat(openTaskActivities(application)).containsExactlyInAnyOrder("UserTask_PowerOn");
        } else {
            assertThat(openStages(application)).containsExactlyInAnyOrderElementsOf(permits);
            for (Stage permit : permits) {
                complete(application, permitTask(permit), new StageOutcome.PermitOutcome(Decision.APPROVED, null));
            }
            if (work == ExternalLineWork.WITH_EXCAVATION) {
                assertThat(openTaskActivities(application)).containsExactlyInAnyOrder("UserTask_BuildExternalLine", "UserTask_PayExcavationFee");
                complete(application, "UserTask_PayExcavationFee", done());
            } else {
                assertThat(openTaskActivities(application)).containsExactlyInAnyOrder("UserTask_BuildExternalLine");
            }
            complete(application, "UserTask_BuildExternalLine", done());
        }
        assertThat(openTaskActivities(application)).containsExactlyInAnyOrder("UserTask_PowerOn");
        complete(application, "UserTask_PowerOn", new StageOutcome.Done("meter installed, energised"));

        assertThat(instance).isEnded().hasPassed("EndEvent_PowerConnected");
        if (work == ExternalLineWork.NONE) {
            assertThat(instance).hasNotPassed("SubProcess_Permits", "UserTask_BuildExternalLine");
        } else {
            assertThat(instance).hasPassedInOrder("UserTask_ReplySupplyPlan", "SubProcess_Permits",
                    "UserTask_BuildExternalLine", "UserTask_PowerOn");
        }
        assertThat(applications.find(application.applicationNo()).orElseThrow().status())
                .isEqualTo(ApplicationStatus.POWERED_ON);
        List<SlaClock> all = clocks.clocksOf(application.applicationNo());
        assertThat(all).allSatisfy(clock -> assertThat(clock.outcome()).isEqualTo(SlaClock.Outcome.COMPLETED));
        assertThat(all).noneMatch(SlaClock::isBreached);
        SlaClock overall = all.stream().filter(c -> c.stage() == Stage.OVERALL).findFirst().orElseThrow();
        assertThat(overall.limitBasis()).isEqualTo(voltageClass.name() + ", " + work.name());
    }

    @Test
    void shouldSendThePlanBackForRevisionWhenAPermitIsRejectedAndRequestOnlyTheRevisedPermits() {
        at("2026-09-24T10:00");
        Application application = submit(VoltageClass.HIGH_VOLTAGE, 1000, CustomerType.NON_RESIDENTIAL);
        ProcessInstance instance = processOf(application);
        acceptAndGiveOpinions(application);
        complete(application, "UserTask_ReplySupplyPlan", new StageOutcome.SupplyPlanReply(
                ExternalLineWork.WITH_EXCAVATION, permits("planning-permit,excavation-permit,greening-permit"), null));
        complete(application, "UserTask_IssuePlanningPermit", new StageOutcome.PermitOutcome(Decision.APPROVED, null));

        complete(application, "UserTask_IssueGreeningPermit",
                new StageOutcome.PermitOutcome(Decision.REJECTED, "the route crosses protected trees"));

        assertThat(openTaskActivities(application)).containsExactlyInAnyOrder("UserTask_ReviseSupplyPlan");
        assertThat(clocks.clocksOf(application.applicationNo()))
                .filteredOn(clock -> clock.stage() == Stage.EXCAVATION_PERMIT)
                .singleElement().extracting(SlaClock::outcome).isEqualTo(SlaClock.Outcome.CANCELLED);

        complete(application, "UserTask_ReviseSupplyPlan", new StageOutcome.SupplyPlanReply(
                ExternalLineWork.WITHOUT_EXCAVATION, permits("planning-permit"), "overhead line avoids the trees"));

        assertThat(openTaskActivities(application)).containsExactlyInAnyOrder("UserTask_IssuePlanningPermit");
        complete(application, "UserTask_IssuePlanningPermit", new StageOutcome.PermitOutcome(Decision.APPROVED, null));
        assertThat(openTaskActivities(application)).containsExactlyInAnyOrder("UserTask_BuildExternalLine");
        complete(application, "UserTask_BuildExternalLine", done());
        complete(application, "UserTask_PowerOn", done());
        assertThat(instance).isEnded();
        assertThat(clocks.clocksOf(application.applicationNo()))
                .filteredOn(clock -> clock.stage() == Stage.OVERALL).singleElement()
                .extracting(SlaClock::limitWorkingDays).isEqualTo(65);
    }

    @Test
    void shouldLetThePlannerAcceptTheTypicalPlanProposedByTheDecisionTable() {
        at("2026-09-24T10:00");
        Application application = submit(VoltageClass.LOW_VOLTAGE, 8, CustomerType.RESIDENTIAL);
        acceptAndGiveOpinions(application);

        complete(application, "UserTask_ReplySupplyPlan", new StageOutcome.SupplyPlanReply(null, null, null));

        assertThat(openTaskActivities(application)).containsExactlyInAnyOrder("UserTask_PowerOn");
        assertThat(task(application, "UserTask_PowerOn").stage()).isEqualTo(Stage.POWER_ON);
    }

    @Test
    void shouldRequestRiverPermitFromTheWaterBureauAndOccupancyPermitFromUrbanManagement() {
        at("2026-09-24T10:00");
        Application application = submit(VoltageClass.HIGH_VOLTAGE, 5000, CustomerType.NON_RESIDENTIAL);
        acceptAndGiveOpinions(application);
        complete(application, "UserTask_ReplySupplyPlan", new StageOutcome.SupplyPlanReply(
                ExternalLineWork.WITHOUT_EXCAVATION, permits("river-occupancy-permit,urban-occupancy-permit"), null));

        assertThat(worklist.openTasksOf(application.applicationNo()))
                .extracting(task -> task.stage().key() + "@" + task.department().key())
                .containsExactlyInAnyOrder("river-occupancy-permit@water-bureau",
                        "urban-occupancy-permit@urban-management-bureau");
    }

    @Test
    void shouldPauseTheOverallClockWhileTheApplicantConfirmsThePlan() {
        at("2026-09-24T10:00");
        Application application = submit(VoltageClass.LOW_VOLTAGE, 8, CustomerType.RESIDENTIAL);
        acceptAndGiveOpinions(application);
        at("2026-09-24T11:00");
        complete(application, "UserTask_ReplySupplyPlan",
                new StageOutcome.SupplyPlanReply(ExternalLineWork.NONE, List.of(), null, true));

        assertThat(openTaskActivities(application)).containsExactly("UserTask_RecordApplicantConfirmation");
        assertThat(pauses.of(application.applicationNo())).singleElement().satisfies(pause -> {
            assertThat(pause.isRunning()).isTrue();
            assertThat(pause.reason()).isEqualTo(PauseReason.APPLICANT_CONFIRMATION);
            assertThat(pause.startedBy()).isEqualTo("process");
        });

        // the applicant confirms on Tuesday 09-29: 09-28 and 09-29 were spent waiting. The overall limit for low
        // voltage without external line is 3 working days from 09-24 (09-28, 09-29, 09-30), so 09-30 + 2 → 10-09
        at("2026-09-29T10:00");
        complete(application, "UserTask_RecordApplicantConfirmation", new StageOutcome.Done("confirmed by phone"));

        assertThat(pauses.of(application.applicationNo())).singleElement()
                .satisfies(pause -> assertThat(pause.endedBy()).isEqualTo("process"));
        SlaClock overall = clocks.running(application.applicationNo(), Stage.OVERALL).orElseThrow();
        assertThat(overall.pausedWorkingDays()).isEqualTo(2);
        assertThat(overall.dueAt()).isEqualTo(shanghai("2026-10-09T17:00"));
        assertThat(openTaskActivities(application)).containsExactly("UserTask_PowerOn");
        assertThat(task(application, "UserTask_PowerOn").dueAt()).isEqualTo(shanghai("2026-10-09T17:00"));
    }

    @Test
    void shouldRefuseToCompleteAPlanOrPermitWithoutItsOutcomeAsAGenericFormWould() {
        at("2026-09-24T10:00");
        Application application = submit(VoltageClass.LOW_VOLTAGE, 200, CustomerType.NON_RESIDENTIAL);
        complete(application, "UserTask_AcceptApplication", done());
        TaskService tasklist = engine.getTaskService();
        String planTask = task(application, "UserTask_ReplySupplyPlan").taskId();

        assertThatThrownBy(() -> tasklist.complete(planTask))
                .hasMessageContaining("needs its plan").hasMessageContaining("/api/tasks/" + planTask + "/complete");
        assertThat(openTaskActivities(application)).contains("UserTask_ReplySupplyPlan");
        assertThat(supplyPlans.find(application.applicationNo()).orElseThrow().isDecided()).isFalse();

        // a stage without an outcome of its own may be completed in Tasklist
        tasklist.complete(task(application, "UserTask_GiveSurveyOpinionPlanning").taskId());
        assertThat(openTaskActivities(application)).doesNotContain("UserTask_GiveSurveyOpinionPlanning");

        giveRemainingOpinionsAndPlanOnePermit(application);
        String permitTask = task(application, "UserTask_IssuePlanningPermit").taskId();
        assertThatThrownBy(() -> tasklist.complete(permitTask)).hasMessageContaining("needs its decision");
        assertThat(openTaskActivities(application)).containsExactly("UserTask_IssuePlanningPermit");
    }

    private void giveRemainingOpinionsAndPlanOnePermit(Application application) {
        complete(application, "UserTask_GiveSurveyOpinionConstruction", done());
        complete(application, "UserTask_GiveSurveyOpinionForestry", done());
        complete(application, "UserTask_ReplySupplyPlan", new StageOutcome.SupplyPlanReply(
                ExternalLineWork.WITHOUT_EXCAVATION, permits("planning-permit"), null));
    }

    private void acceptAndGiveOpinions(Application application) {
        complete(application, "UserTask_AcceptApplication", done());
        giveSurveyOpinions(application);
    }

    private List<String> openTaskActivities(Application application) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(application.applicationNo()).list()
                .stream().map(org.camunda.bpm.engine.task.Task::getTaskDefinitionKey).toList();
    }

    private List<Stage> openStages(Application application) {
        return worklist.openTasksOf(application.applicationNo()).stream().map(StageTask::stage).toList();
    }

    static List<Stage> permits(String keys) {
        return keys.isBlank() ? List.of()
                : java.util.Arrays.stream(keys.split(",")).map(key -> Stage.ofKey(key).orElseThrow()).toList();
    }

    static String permitTask(Stage permit) {
        return switch (permit) {
            case PLANNING_PERMIT -> "UserTask_IssuePlanningPermit";
            case EXCAVATION_PERMIT -> "UserTask_IssueExcavationPermit";
            case ROAD_OCCUPANCY_PERMIT -> "UserTask_IssueRoadOccupancyPermit";
            case RIVER_OCCUPANCY_PERMIT -> "UserTask_IssueRiverOccupancyPermit";
            case URBAN_OCCUPANCY_PERMIT -> "UserTask_IssueUrbanOccupancyPermit";
            case GREENING_PERMIT -> "UserTask_IssueGreeningPermit";
            default -> throw new IllegalArgumentException(permit + " is not a permit");
        };
    }
}
