package org.powerconnect.intake;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.powerconnect.ApiClient.Reply;
import org.powerconnect.EngineTestSupport;
import org.powerconnect.connection.CustomerType;
import org.powerconnect.connection.VoltageClass;
import org.powerconnect.worklist.StageOutcome;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.powerconnect.ApiClient.assertIsProblem;
import static org.powerconnect.ApiClient.errorFields;

/**
 * Pauses through the API. Dates counted by hand on the 2026 calendar: 09-25..27 and 10-01..07 are holidays,
 * Saturday 10-10 is a make-up working day; a day ends at 17:00.
 */
class PauseApiTest extends EngineTestSupport {

    private static final String WINDOW = "grid-service-window";


    @Test
    void shouldHoldTheSupplyPlanAndOverallClocksWhileTheApplicantIsAwaitedAndMoveThemByTheWorkingDaysPaused() {
        at("2026-09-24T10:00");
        Application application = submit(VoltageClass.HIGH_VOLTAGE, 1000, CustomerType.NON_RESIDENTIAL);
        complete(application, "UserTask_AcceptApplication", done());
        // the high-voltage plan: 10 working days from 09-24 → 10-15; the survey opinions: 5 → 10-09
        assertThat(timer(application, "BoundaryEvent_SupplyPlanOverdue").getDuedate().toInstant())
                .isEqualTo(shanghai("2026-10-15T17:00"));

        at("2026-09-24T11:00");
        Reply started = api.post(pauses(application), WINDOW, Map.of("reason", "APPLICANT_DOCUMENTS",
                "comment", "load calculation sheet missing", "stage", "supply-plan"));

        assertThat(started.status()).as("%s", started.raw()).isEqualTo(HttpStatus.CREATED);
        assertThat(started.body().path("running").asBoolean()).isTrue();
        assertThat(texts(started.body().path("clocks"), "stage")).containsExactlyInAnyOrder("supply-plan", "overall");
        assertThat(timer(application, "BoundaryEvent_SupplyPlanOverdue").isSuspended()).isTrue();
        assertThat(timer(application, "BoundaryEvent_ConnectionOverdue").isSuspended()).isTrue();
        assertThat(timer(application, "BoundaryEvent_PlanningSurveyOpinionOverdue").isSuspended()).isFalse();
        JsonNode view = application(application);
        assertThat(view.path("runningPauses")).hasSize(1);
        assertThat(view.path("runningPauses").get(0).path("reason").asText()).isEqualTo("APPLICANT_DOCUMENTS");

        // the papers arrive on Tuesday 09-29: 09-28 and 09-29 were lost
        at("2026-09-29T10:00");
        Reply ended = api.post(pauses(application) + "/" + started.body().path("id").asLong() + "/end", WINDOW, Map.of());

        assertThat(ended.status()).as("%s", ended.raw()).isEqualTo(HttpStatus.OK);
        assertThat(ended.body().path("running").asBoolean()).isFalse();
        assertThat(ended.body().path("clocks").findValuesAsText("movedByWorkingDays")).containsOnly("2");
        view = application(application);
        JsonNode plan = clock(view, "supply-plan");
        assertThat(plan.path("originalDueAt").asText()).isEqualTo("2026-10-15T17:00:00+08:00");
        // 10-15 + 2 working days: 10-16, 10-19
        assertThat(plan.path("dueAt").asText()).isEqualTo("2026-10-19T17:00:00+08:00");
        assertThat(plan.path("pausedWorkingDays").asInt()).isEqualTo(2);
        assertThat(clock(view, "overall").path("pausedWorkingDays").asInt()).isEqualTo(2);
        assertThat(view.path("runningPauses")).isEmpty();
        Job planTimer = timer(application, "BoundaryEvent_SupplyPlanOverdue");
        assertThat(planTimer.isSuspended()).isFalse();
        assertThat(planTimer.getDuedate().toInstant()).isEqualTo(shanghai("2026-10-19T17:00"));
        assertThat(task(application, "UserTask_ReplySupplyPlan").dueAt()).isEqualTo(shanghai("2026-10-19T17:00"));
        // the survey opinions did not wait on the applicant
        assertThat(clock(view, "survey-opinion").path("dueAt").asText()).isEqualTo("2026-10-09T17:00:00+08:00");

        Reply again = api.post(pauses(application) + "/" + started.body().path("id").asLong() + "/end", WINDOW, Map.of());
        assertIsProblem(again, 409);
    }

    @Test
    void shouldJudgeATaskCompletedDuringAPauseAgainstTheDueDateThePauseEarned() {
        at("2026-09-24T10:00");
        Application application = submit(VoltageClass.LOW_VOLTAGE, 50, CustomerType.NON_RESIDENTIAL);
        complete(application, "UserTask_AcceptApplication", done());
        // low-voltage plan: 2 working days → 09-29
        at("2026-09-28T09:00");
        assertThat(api.post(pauses(application), "grid-planning", Map.of("reason", "APPLICANT_CONFIRMATION",
                "comment", "the applicant confirms the connection point", "stage", "supply-plan")).status())
                .isEqualTo(HttpStatus.CREATED);

        // the plan goes out on 10-08, after its original due date 09-29; the wait took out 09-29, 09-30 and
        // 10-08, so it is judged against 09-29 + 3 working days → 10-09, and is on time
        at("2026-10-08T10:00");
        complete(application, "UserTask_ReplySupplyPlan", new StageOutcome.SupplyPlanReply(null, null, null));

        JsonNode view = application(application);
        JsonNode plan = clock(view, "supply-plan");
        assertThat(plan.path("dueAt").asText()).isEqualTo("2026-10-09T17:00:00+08:00");
        assertThat(plan.path("breached").asBoolean()).isFalse();
        // with the plan out, nothing is awaited any more: the pause ended itself and gave the overall clock its 3 days
        assertThat(view.path("runningPauses")).isEmpty();
        assertThat(clock(view, "overall").path("pausedWorkingDays").asInt()).isEqualTo(3);
        Reply pauses = api.get(pauses(application), WINDOW);
        assertThat(pauses.body().get(0).path("endedBy").asText()).isEqualTo("process");
    }

    @Test
    void shouldLetABureauPauseAndEndOnlyItsOwnClocks() {
        at("2026-09-24T10:00");
        Application application = submit(VoltageClass.HIGH_VOLTAGE, 1000, CustomerType.NON_RESIDENTIAL);
        complete(application, "UserTask_AcceptApplication", done());

        Reply started = api.post(pauses(application), "planning-bureau", Map.of("reason", "APPLICANT_DOCUMENTS",
                "comment", "site plan missing", "stage", "survey-opinion"));

        assertThat(started.status()).as("%s", started.raw()).isEqualTo(HttpStatus.CREATED);
        assertThat(started.body().path("clocks")).extracting(held -> held.path("stage").asText() + "@"
                + held.path("department").asText()).containsExactlyInAnyOrder("survey-opinion@planning-bureau",
                        "overall@grid-service-window");
        String end = pauses(application) + "/" + started.body().path("id").asLong() + "/end";
        assertIsProblem(api.post(end, "construction-bureau", Map.of()), 403);
        assertIsProblem(api.post(pauses(application), "planning-bureau",
                Map.of("reason", "CUSTOMER_WORKS", "comment", "whole application")), 403);
        assertThat(api.post(end, "planning-bureau", Map.of()).status()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldStartOnePauseWhenTheSameRequestArrivesTwiceAtOnce() throws Exception {
        at("2026-09-24T10:00");
        Application application = submit(VoltageClass.LOW_VOLTAGE, 50, CustomerType.NON_RESIDENTIAL);
        Map<String, Object> body = Map.of("reason", "APPLICANT_DOCUMENTS", "comment", "ID card copy missing");

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService clerks = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpStatus>> answers = List.of(
                    clerks.submit(() -> { together.await(); return api.post(pauses(application), WINDOW, body).status(); }),
                    clerks.submit(() -> { together.await(); return api.post(pauses(application), WINDOW, body).status(); }));
            assertThat(List.of(answers.get(0).get(), answers.get(1).get()))
                    .containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.CONFLICT);
        } finally {
            clerks.shutdownNow();
        }
        assertThat(application(application).path("runningPauses")).hasSize(1);
    }

    @Test
    void shouldRefuseBadPausesNamingTheProblem() {
        at("2026-09-24T10:00");
        Application application = submit(VoltageClass.LOW_VOLTAGE, 50, CustomerType.NON_RESIDENTIAL);

        Reply badReason = api.post(pauses(application), WINDOW, Map.of("reason", "LUNCH", "comment", "x"));
        assertIsProblem(badReason, 400);
        assertThat(errorFields(badReason)).containsExactly("reason");

        Reply noComment = api.post(pauses(application), WINDOW, Map.of("reason", "CUSTOMER_WORKS"));
        assertIsProblem(noComment, 400);
        assertThat(errorFields(noComment)).containsExactly("comment");

        Reply noPermitYet = api.post(pauses(application), WINDOW,
                Map.of("reason", "STATUTORY_PUBLICITY", "comment", "publicity of the planning permit"));
        assertIsProblem(noPermitYet, 409);

        Reply otherDepartment = api.post(pauses(application), "forestry-bureau",
                Map.of("reason", "APPLICANT_DOCUMENTS", "comment", "x", "stage", "acceptance"));
        assertIsProblem(otherDepartment, 403);

        assertIsProblem(api.post(pauses(application) + "/999999/end", WINDOW, Map.of()), 404);
        assertIsProblem(api.post("/api/applications/YC-19990101-000000/pauses", WINDOW,
                Map.of("reason", "CUSTOMER_WORKS", "comment", "x")), 404);

        assertThat(api.post(pauses(application), WINDOW, Map.of("reason", "CUSTOMER_WORKS", "comment", "x"))
                .status()).isEqualTo(HttpStatus.CREATED);
        Reply twice = api.post(pauses(application), WINDOW, Map.of("reason", "CUSTOMER_WORKS", "comment", "again"));
        assertIsProblem(twice, 409);
    }

    private static String pauses(Application application) {
        return "/api/applications/" + application.applicationNo() + "/pauses";
    }

    private JsonNode application(Application application) {
        Reply reply = api.get("/api/applications/" + application.applicationNo(), WINDOW);
        assertThat(reply.status()).isEqualTo(HttpStatus.OK);
        return reply.body();
    }

    private static JsonNode clock(JsonNode view, String stage) {
        for (JsonNode clock : view.path("slaClocks")) {
            if (clock.path("stage").asText().equals(stage)) {
                return clock;
            }
        }
        throw new AssertionError("no " + stage + " clock in " + view.path("slaClocks"));
    }

    private static List<String> texts(JsonNode array, String field) {
        return array.findValuesAsText(field);
    }
}
