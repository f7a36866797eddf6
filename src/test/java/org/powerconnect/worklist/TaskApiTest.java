package org.powerconnect.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.powerconnect.ApiClient.assertIsProblem;
import static org.powerconnect.ApiClient.errorFields;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.powerconnect.ApiClient.Reply;
import org.powerconnect.EngineTestSupport;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The departments' worklists over HTTP: listing open tasks and completing them with each stage's outcome.
 * Other tests' tasks share the database, so lists are checked for this test's own applications. Expected due
 * dates were worked out by hand from sla-config/ (December 2026 has no holidays; office cut-off 17:00).
 */
class TaskApiTest extends EngineTestSupport {

    private static final String WINDOW = "grid-service-window";
    private static final String GRID_PLANNING = "grid-planning";
    private static final String PLANNING_BUREAU = "planning-bureau";
    private static final String CONSTRUCTION_BUREAU = "construction-bureau";
    private static final String FORESTRY_BUREAU = "forestry-bureau";


    // ---------------------------------------------------------------- worklists

    @Test
    void aDepartmentSeesItsOpenTasksEarliestDueFirst() {
        // submitted first, after the cut-off before the Mid-Autumn holidays: due Monday 2026-09-28
        at("2026-09-24T18:00");
        String dueMonday = submitted("LOW_VOLTAGE", 8, "RESIDENTIAL");
        // submitted second, in the morning: due the same day
        at("2026-09-24T10:00");
        String dueToday = submitted("LOW_VOLTAGE", 8, "RESIDENTIAL");

        List<JsonNode> worklist = worklist(WINDOW, WINDOW);

        List<JsonNode> mine = ofApplications(worklist, dueMonday, dueToday);
        assertThat(mine).extracting(task -> task.path("applicationNo").asText(), task -> task.path("stage").asText(),
                        task -> task.path("department").asText(), task -> task.path("createdAt").asText(),
                        task -> task.path("dueAt").asText())
                .containsExactly(
                        tuple(dueToday, "acceptance", WINDOW, "2026-09-24T10:00:00+08:00", "2026-09-24T17:00:00+08:00"),
                        tuple(dueMonday, "acceptance", WINDOW, "2026-09-24T18:00:00+08:00", "2026-09-28T17:00:00+08:00"));
        assertThat(mine).allSatisfy(task -> assertThat(task.path("taskId").asText()).isNotBlank());
        assertThat(dueInstants(worklist)).isSorted();
    }

    @Test
    void aTaskDueSoonerComesFirstEvenWhenItWasCreatedLater() {
        // high voltage: the supply plan is due 10 working days after acceptance on Tuesday 2026-12-01
        at("2026-12-01T10:00");
        String highVoltage = accepted("HIGH_VOLTAGE", 800, "NON_RESIDENTIAL");
        // low voltage, accepted a day later: 2 working days after Wednesday 2026-12-02
        at("2026-12-02T10:00");
        String lowVoltage = accepted("LOW_VOLTAGE", 8, "RESIDENTIAL");

        List<JsonNode> mine = ofApplications(worklist(GRID_PLANNING, GRID_PLANNING), highVoltage, lowVoltage);

        assertThat(mine).extracting(task -> task.path("applicationNo").asText(), task -> task.path("stage").asText(),
                        task -> task.path("dueAt").asText())
                .containsExactly(
                        tuple(lowVoltage, "supply-plan", "2026-12-04T17:00:00+08:00"),
                        tuple(highVoltage, "supply-plan", "2026-12-15T17:00:00+08:00"));
    }

    @Test
    void anUnknownDepartmentIsRejectedNamingDepartment() {
        Reply reply = api.get("/api/tasks?department=treasury", WINDOW);

        assertThat(reply.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertIsProblem(reply, 400);
        assertThat(errorFields(reply)).containsExactly("department");
    }

    @Test
    void aPageSizeOutOfRangeIsRejectedNamingMaxResults() {
        Reply reply = api.get("/api/tasks?department=" + WINDOW + "&maxResults=0", WINDOW);

        assertThat(reply.status()).as("answer %s", reply.raw()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertIsProblem(reply, 400);
        assertThat(errorFields(reply)).containsExactly("maxResults");
    }

    @Test
    void aPlanningBureauUserMayNotReadTheServiceWindowsWorklist() {
        Reply reply = api.get("/api/tasks?department=" + WINDOW, PLANNING_BUREAU);

        assertThat(reply.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertIsProblem(reply, 403);
    }

    @Test
    void aSupervisorMayReadAnyDepartmentsWorklist() {
        at("2026-12-01T10:00");
        String applicationNo = submitted("LOW_VOLTAGE", 8, "RESIDENTIAL");

        List<JsonNode> serviceWindow = worklist(WINDOW, "supervisor");

        assertThat(ofApplications(serviceWindow, applicationNo)).singleElement()
                .satisfies(task -> assertThat(task.path("stage").asText()).isEqualTo("acceptance"));
        assertThat(api.get("/api/tasks?department=" + FORESTRY_BUREAU, "supervisor").status()).isEqualTo(HttpStatus.OK);
    }

    // ---------------------------------------------------------------- completing tasks

    @Test
    void completingAcceptanceOpensTheThreeSurveyOpinionsAndTheSupplyPlanReply() {
        at("2026-12-01T10:00");
        String applicationNo = submitted("LOW_VOLTAGE", 8, "RESIDENTIAL");
        String acceptance = openTask(applicationNo, "acceptance").path("taskId").asText();

        Reply reply = complete(acceptance, WINDOW, "{}");

        assertThat(reply.status()).as("answer %s", reply.raw()).isEqualTo(HttpStatus.OK);
        assertThat(reply.body().path("taskId").asText()).isEqualTo(acceptance);
        assertThat(reply.body().path("applicationNo").asText()).isEqualTo(applicationNo);
        assertThat(reply.body().path("stage").asText()).isEqualTo("acceptance");
        assertThat(reply.body().path("completedBy").asText()).isEqualTo(WINDOW);
        Tuple[] handedOn = {tuple("survey-opinion", PLANNING_BUREAU), tuple("survey-opinion", CONSTRUCTION_BUREAU),
                tuple("survey-opinion", FORESTRY_BUREAU), tuple("supply-plan", GRID_PLANNING)};
        assertThat(openTasks(applicationNo))
                .extracting(task -> task.path("stage").asText(), task -> task.path("department").asText())
                .containsExactlyInAnyOrder(handedOn);
        // the answer itself names the work handed on, so a client needs no second request to find it
        assertThat(reply.body().path("openTasks"))
                .extracting(task -> task.path("stage").asText(), task -> task.path("department").asText())
                .containsExactlyInAnyOrder(handedOn);
    }

    @Test
    void completingATaskTwiceIsAConflict() {
        at("2026-12-01T10:00");
        String applicationNo = submitted("LOW_VOLTAGE", 8, "RESIDENTIAL");
        String acceptance = openTask(applicationNo, "acceptance").path("taskId").asText();
        assertThat(complete(acceptance, WINDOW, "{}").status()).isEqualTo(HttpStatus.OK);

        Reply again = complete(acceptance, WINDOW, "{}");

        assertThat(again.status()).isEqualTo(HttpStatus.CONFLICT);
        assertIsProblem(again, 409);
        assertThat(openTasks(applicationNo)).hasSize(4);
    }

    /**
     * Two clerks decide the same permit at the same moment, one approving, one refusing: one decision stands.
     * Five rounds, since a race shows itself only now and then (it once answered 500 on a database deadlock).
     */
    @Test
    void aTaskCompletedTwiceAtTheSameMomentSucceedsOnceAndTheOtherGets409() throws Exception {
        for (int round = 0; round < 5; round++) {
            decideOnePermitTwiceAtOnce();
        }
    }

    private void decideOnePermitTwiceAtOnce() throws Exception {
        String applicationNo = applicationWaitingForPermits();
        String permit = openTask(applicationNo, "planning-permit").path("taskId").asText();
        at("2026-12-07T11:00");
        List<String> bodies = List.of("{\"decision\":\"APPROVED\"}",
                "{\"decision\":\"REJECTED\",\"comment\":\"the line crosses the park\"}");
        CyclicBarrier together = new CyclicBarrier(bodies.size());
        ExecutorService clerks = Executors.newFixedThreadPool(bodies.size());
        List<Reply> replies = new ArrayList<>();
        try {
            List<Future<Reply>> answers = new ArrayList<>();
            for (String body : bodies) {
                answers.add(clerks.submit(() -> {
                    together.await();
                    return complete(permit, PLANNING_BUREAU, body);
                }));
            }
            for (Future<Reply> answer : answers) {
                replies.add(answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            clerks.shutdownNow();
        }

        assertThat(replies).extracting(Reply::status)
                .containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.CONFLICT);
        replies.stream().filter(reply -> reply.status() == HttpStatus.CONFLICT)
                .forEach(reply -> assertIsProblem(reply, 409));
        // exactly one decision was recorded, the one whose completion succeeded
        JsonNode decisions = application(applicationNo).path("permitDecisions");
        assertThat(decisions).hasSize(1);
        String won = bodies.get(replies.get(0).status() == HttpStatus.OK ? 0 : 1);
        assertThat(won).contains(decisions.get(0).path("decision").asText());
    }

    @Test
    void completingAnUnknownTaskIsNotFound() {
        Reply reply = complete("no-such-task-42", WINDOW, "{}");

        assertThat(reply.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertIsProblem(reply, 404);
    }

    @Test
    void completingAnotherDepartmentsTaskIsForbiddenAndLeavesItOpen() {
        at("2026-12-01T10:00");
        String applicationNo = submitted("LOW_VOLTAGE", 8, "RESIDENTIAL");
        String acceptance = openTask(applicationNo, "acceptance").path("taskId").asText();

        Reply reply = complete(acceptance, PLANNING_BUREAU, "{}");

        assertThat(reply.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertIsProblem(reply, 403);
        assertThat(openTasks(applicationNo)).singleElement()
                .satisfies(task -> assertThat(task.path("taskId").asText()).isEqualTo(acceptance));
    }

    // ---------------------------------------------------------------- the supply-plan reply

    @Test
    void aSupplyPlanWithRoadExcavationRequestsExactlyThePermitsItNames() {
        at("2026-12-01T10:00");
        String applicationNo = accepted("LOW_VOLTAGE", 8, "RESIDENTIAL");
        String supplyPlan = openTask(applicationNo, "supply-plan").path("taskId").asText();

        Reply reply = complete(supplyPlan, GRID_PLANNING,
                "{\"externalLineWork\":\"WITH_EXCAVATION\",\"requiredPermits\":[\"planning-permit\",\"excavation-permit\"]}");

        assertThat(reply.status()).as("answer %s", reply.raw()).isEqualTo(HttpStatus.OK);
        JsonNode application = application(applicationNo);
        assertThat(application.path("externalLineWork").asText()).isEqualTo("WITH_EXCAVATION");
        assertThat(texts(application.path("supplyPlan").path("requiredPermits")))
                .containsExactly("planning-permit", "excavation-permit");

        giveAllSurveyOpinions(applicationNo);
        runAsyncContinuations(applications.find(applicationNo).orElseThrow());

        assertThat(openTasks(applicationNo))
                .extracting(task -> task.path("stage").asText(), task -> task.path("department").asText())
                .containsExactlyInAnyOrder(
                        tuple("planning-permit", PLANNING_BUREAU),
                        tuple("excavation-permit", CONSTRUCTION_BUREAU));
    }

    static Stream<Arguments> invalidSupplyPlans() {
        return Stream.of(
                Arguments.of("permits without external-line work",
                        "{\"externalLineWork\":\"NONE\",\"requiredPermits\":[\"planning-permit\"]}", "requiredPermits"),
                Arguments.of("road excavation without the excavation permit",
                        "{\"externalLineWork\":\"WITH_EXCAVATION\",\"requiredPermits\":[\"planning-permit\"]}",
                        "requiredPermits"),
                Arguments.of("the excavation permit without road excavation",
                        "{\"externalLineWork\":\"WITHOUT_EXCAVATION\",\"requiredPermits\":[\"planning-permit\",\"excavation-permit\"]}",
                        "requiredPermits"),
                Arguments.of("an unknown permit",
                        "{\"externalLineWork\":\"WITHOUT_EXCAVATION\",\"requiredPermits\":[\"planning-permit\",\"fishing-permit\"]}",
                        "requiredPermits[1]"),
                Arguments.of("a permit listed twice",
                        "{\"externalLineWork\":\"WITHOUT_EXCAVATION\",\"requiredPermits\":[\"planning-permit\",\"planning-permit\"]}",
                        "requiredPermits"),
                Arguments.of("an unknown kind of external-line work",
                        "{\"externalLineWork\":\"SOME\",\"requiredPermits\":[]}", "externalLineWork"),
                Arguments.of("an unknown field",
                        "{\"externalLineWork\":\"NONE\",\"requiredPermits\":[],\"voltage\":\"LOW\"}", "voltage"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSupplyPlans")
    void anInvalidSupplyPlanIsRejectedNamingTheFieldAndDecidesNothing(String what, String body, String field) {
        at("2026-12-01T10:00");
        String applicationNo = accepted("LOW_VOLTAGE", 8, "RESIDENTIAL");
        String supplyPlan = openTask(applicationNo, "supply-plan").path("taskId").asText();

        Reply reply = complete(supplyPlan, GRID_PLANNING, body);

        assertThat(reply.status()).as("answer %s", reply.raw()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertIsProblem(reply, 400);
        assertThat(errorFields(reply)).containsExactly(field);
        JsonNode application = application(applicationNo);
        assertThat(application.path("externalLineWork").isNull()).as("externalLineWork is null").isTrue();
        assertThat(application.path("supplyPlan").path("externalLineWork").isNull())
                .as("no external-line work decided: %s", application.path("supplyPlan")).isTrue();
        assertThat(application.path("supplyPlan").path("decidedBy").isNull()).as("nobody decided").isTrue();
        assertThat(application.path("supplyPlan").path("revision").asInt()).isZero();
        assertThat(openTask(applicationNo, "supply-plan").path("taskId").asText()).isEqualTo(supplyPlan);
    }

    @Test
    void anEmptySupplyPlanReplyAcceptsTheTypicalPlan() {
        at("2026-12-01T10:00");
        // a household of 8 kVA at low voltage: typical plan LV-R1, a meter on the existing network
        String applicationNo = accepted("LOW_VOLTAGE", 8, "RESIDENTIAL");
        String supplyPlan = openTask(applicationNo, "supply-plan").path("taskId").asText();

        Reply reply = complete(supplyPlan, GRID_PLANNING, "{}");

        assertThat(reply.status()).as("answer %s", reply.raw()).isEqualTo(HttpStatus.OK);
        JsonNode application = application(applicationNo);
        assertThat(application.path("externalLineWork").asText()).isEqualTo("NONE");
        JsonNode plan = application.path("supplyPlan");
        assertThat(plan.path("typicalPlan").asText()).isEqualTo("LV-R1");
        assertThat(plan.path("externalLineWork").asText()).isEqualTo("NONE");
        assertThat(plan.path("requiredPermits")).isEmpty();
        assertThat(plan.path("decidedBy").asText()).isEqualTo(GRID_PLANNING);
        assertThat(ofStage(openTasks(applicationNo), "supply-plan")).isEmpty();
    }

    // ---------------------------------------------------------------- permit decisions

    static Stream<Arguments> invalidPermitDecisions() {
        return Stream.of(
                Arguments.of("no decision", "{}", "decision"),
                Arguments.of("an unknown decision", "{\"decision\":\"MAYBE\"}", "decision"),
                Arguments.of("a rejection without a reason", "{\"decision\":\"REJECTED\"}", "comment"),
                Arguments.of("a rejection with a blank reason", "{\"decision\":\"REJECTED\",\"comment\":\"  \"}", "comment"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPermitDecisions")
    void anInvalidPermitDecisionIsRejectedNamingTheFieldAndLeavesThePermitOpen(String what, String body,
            String field) {
        String applicationNo = applicationWaitingForPermits();
        String permit = openTask(applicationNo, "planning-permit").path("taskId").asText();

        Reply reply = complete(permit, PLANNING_BUREAU, body);

        assertThat(reply.status()).as("answer %s", reply.raw()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertIsProblem(reply, 400);
        assertThat(errorFields(reply)).containsExactly(field);
        assertThat(application(applicationNo).path("permitDecisions")).isEmpty();
        assertThat(openTask(applicationNo, "planning-permit").path("taskId").asText()).isEqualTo(permit);
    }

    @Test
    void anApprovedPermitIsShownWithTheApplication() {
        String applicationNo = applicationWaitingForPermits();
        String permit = openTask(applicationNo, "planning-permit").path("taskId").asText();
        at("2026-12-07T11:00");

        Reply reply = complete(permit, PLANNING_BUREAU, "{\"decision\":\"APPROVED\"}");

        assertThat(reply.status()).as("answer %s", reply.raw()).isEqualTo(HttpStatus.OK);
        JsonNode application = application(applicationNo);
        assertThat(application.path("permitDecisions")).singleElement().satisfies(decision -> {
            assertThat(decision.path("permit").asText()).isEqualTo("planning-permit");
            assertThat(decision.path("decision").asText()).isEqualTo("APPROVED");
            assertThat(decision.path("decidedBy").asText()).isEqualTo(PLANNING_BUREAU);
            assertThat(decision.path("decidedAt").asText()).isEqualTo("2026-12-07T11:00:00+08:00");
        });
        assertThat(ofStage(openTasks(applicationNo), "planning-permit")).isEmpty();
        assertThat(ofStage(openTasks(applicationNo), "excavation-permit")).hasSize(1);
    }

    // ---------------------------------------------------------------- helpers: the process through the API

    private String submitted(String voltageClass, int capacityKva, String customerType) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("applicantName", "Yancheng Test Works");
        body.put("contactPhone", "0515-88886666");
        body.put("address", "18 Kaifang Avenue, Yandu District, Yancheng");
        body.put("voltageClass", voltageClass);
        body.put("capacityKva", capacityKva);
        body.put("kind", "NEW_CONNECTION");
        body.put("customerType", customerType);
        Reply reply = api.post("/api/applications", WINDOW, body);
        assertThat(reply.status()).as("submission answer %s", reply.raw()).isEqualTo(HttpStatus.CREATED);
        return reply.body().path("applicationNo").asText();
    }

    /** Submitted and accepted at the current engine time: survey opinions and supply plan are open. */
    private String accepted(String voltageClass, int capacityKva, String customerType) {
        String applicationNo = submitted(voltageClass, capacityKva, customerType);
        Reply reply = complete(openTask(applicationNo, "acceptance").path("taskId").asText(), WINDOW, "{}");
        assertThat(reply.status()).as("acceptance answer %s", reply.raw()).isEqualTo(HttpStatus.OK);
        return applicationNo;
    }

    /** A low-voltage application whose plan needs planning and excavation permits, both open. */
    private String applicationWaitingForPermits() {
        at("2026-12-01T10:00");
        String applicationNo = accepted("LOW_VOLTAGE", 8, "RESIDENTIAL");
        Reply plan = complete(openTask(applicationNo, "supply-plan").path("taskId").asText(), GRID_PLANNING,
                "{\"externalLineWork\":\"WITH_EXCAVATION\",\"requiredPermits\":[\"planning-permit\",\"excavation-permit\"]}");
        assertThat(plan.status()).as("supply-plan answer %s", plan.raw()).isEqualTo(HttpStatus.OK);
        giveAllSurveyOpinions(applicationNo);
        runAsyncContinuations(applications.find(applicationNo).orElseThrow());
        assertThat(ofStage(openTasks(applicationNo), "planning-permit")).hasSize(1);
        return applicationNo;
    }

    private void giveAllSurveyOpinions(String applicationNo) {
        List<JsonNode> opinions = ofStage(openTasks(applicationNo), "survey-opinion");
        assertThat(opinions).hasSize(3);
        for (JsonNode opinion : opinions) {
            Reply reply = complete(opinion.path("taskId").asText(), opinion.path("department").asText(),
                    "{\"comment\":\"No objection.\"}");
            assertThat(reply.status()).as("survey opinion answer %s", reply.raw()).isEqualTo(HttpStatus.OK);
        }
    }

    private Reply complete(String taskId, String user, String body) {
        return api.postRaw("/api/tasks/" + taskId + "/complete", user, MediaType.APPLICATION_JSON, body);
    }

    private JsonNode application(String applicationNo) {
        Reply reply = api.get("/api/applications/" + applicationNo, WINDOW);
        assertThat(reply.status()).as("application answer %s", reply.raw()).isEqualTo(HttpStatus.OK);
        return reply.body();
    }

    private List<JsonNode> openTasks(String applicationNo) {
        List<JsonNode> tasks = new ArrayList<>();
        application(applicationNo).path("openTasks").forEach(tasks::add);
        return tasks;
    }

    private JsonNode openTask(String applicationNo, String stage) {
        List<JsonNode> tasks = ofStage(openTasks(applicationNo), stage);
        assertThat(tasks).as("open %s tasks of %s", stage, applicationNo).hasSize(1);
        return tasks.get(0);
    }

    /** A department's whole worklist, page by page, as the given user reads it. */
    private List<JsonNode> worklist(String department, String user) {
        List<JsonNode> tasks = new ArrayList<>();
        int pageSize = 1000;
        for (int first = 0; ; first += pageSize) {
            Reply reply = api.get("/api/tasks?department=" + department + "&firstResult=" + first + "&maxResults="
                    + pageSize, user);
            assertThat(reply.status()).as("worklist answer %s", reply.raw()).isEqualTo(HttpStatus.OK);
            reply.body().forEach(tasks::add);
            if (reply.body().size() < pageSize) {
                return tasks;
            }
        }
    }

    private static List<JsonNode> ofApplications(List<JsonNode> tasks, String... applicationNos) {
        List<String> wanted = List.of(applicationNos);
        return tasks.stream().filter(task -> wanted.contains(task.path("applicationNo").asText())).toList();
    }

    private static List<JsonNode> ofStage(List<JsonNode> tasks, String stage) {
        return tasks.stream().filter(task -> stage.equals(task.path("stage").asText())).toList();
    }

    private static List<OffsetDateTime> dueInstants(List<JsonNode> tasks) {
        return tasks.stream().filter(task -> task.hasNonNull("dueAt"))
                .map(task -> OffsetDateTime.parse(task.path("dueAt").asText())).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
