package org.powerconnect;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server as it runs in production: job executor on, real time, everything through HTTP. Async joins and
 * timers run on the job executor; the test waits for their results, bounded, and never sleeps a fixed time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=true",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000",
        // an engine name of its own: closing this context unregisters only this engine, not the "default"
        // engine that the other tests' context serves through /engine-rest
        "camunda.bpm.process-engine-name=e2e"})
@ActiveProfiles("test")
@DirtiesContext
class JobExecutorEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The date format of Camunda's REST API. */
    private static final DateTimeFormatter ENGINE_REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ProcessEngine engine;

    @BeforeEach
    void users() {
        EngineTestSupport.ensureDepartmentUsers(engine.getIdentityService());
        if (engine.getIdentityService().createUserQuery().userId("e2e-admin").count() == 0) {
            var admin = engine.getIdentityService().newUser("e2e-admin");
            admin.setPassword(EngineTestSupport.TEST_PASSWORD);
            engine.getIdentityService().saveUser(admin);
            if (engine.getIdentityService().createGroupQuery().groupId("camunda-admin").count() == 0) {
                engine.getIdentityService().saveGroup(engine.getIdentityService().newGroup("camunda-admin"));
            }
            engine.getIdentityService().createMembership("e2e-admin", "camunda-admin");
        }
    }

    @Test
    void shouldJoinTwoBureausCompletingAtTheSameInstantAndReachPowerOn() throws Exception {
        String applicationNo = submit("HIGH_VOLTAGE", 800);
        completeOnly(applicationNo, "acceptance", Map.of());
        for (String department : List.of("planning-bureau", "construction-bureau", "forestry-bureau")) {
            completeTaskOf(applicationNo, department, Map.of("comment", "no objection"));
        }
        completeTaskOf(applicationNo, "grid-planning", Map.of("externalLineWork", "WITHOUT_EXCAVATION",
                "requiredPermits", List.of("planning-permit", "urban-occupancy-permit")));

        JsonNode view = await(applicationNo, v -> v.get("openTasks").size() == 2);
        String planningPermit = taskId(view, "planning-permit");
        String urbanPermit = taskId(view, "urban-occupancy-permit");

        // two bureaus press "approve" at the same instant
        CyclicBarrier bothReady = new CyclicBarrier(2);
        ExecutorService bureaus = Executors.newFixedThreadPool(2);
        try {
            Future<ResponseEntity<JsonNode>> planning = bureaus.submit(() -> {
                bothReady.await();
                return post("/api/tasks/" + planningPermit + "/complete", "planning-bureau",
                        Map.of("decision", "APPROVED"));
            });
            Future<ResponseEntity<JsonNode>> urban = bureaus.submit(() -> {
                bothReady.await();
                return post("/api/tasks/" + urbanPermit + "/complete", "urban-management-bureau",
                        Map.of("decision", "APPROVED"));
            });
            assertThat(planning.get().getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(urban.get().getStatusCode()).isEqualTo(HttpStatus.OK);
        } finally {
            bureaus.shutdownNow();
        }

        view = await(applicationNo, v -> v.get("openTasks").size() == 1);
        assertThat(view.get("openTasks").get(0).get("stage").asText()).isEqualTo("construction");
        String processInstanceId = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(applicationNo).singleResult().getId();
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(processInstanceId).count())
                .isZero();

        completeTaskOf(applicationNo, "grid-construction", Map.of("comment", "overhead line built"));
        await(applicationNo, v -> v.get("openTasks").size() == 1);
        completeTaskOf(applicationNo, "grid-construction", Map.of("comment", "meter installed, energised"));

        view = get(applicationNo);
        assertThat(view.get("status").asText()).isEqualTo("POWERED_ON");
        assertThat(view.get("finishedAt").asText()).endsWith("+08:00");
    }

    @Test
    void shouldRecordABreachWhenATimersDueDateIsMovedToNowThroughTheEngineRestApi() {
        String applicationNo = submit("LOW_VOLTAGE", 30);
        String processInstanceId = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(applicationNo).singleResult().getId();

        ResponseEntity<JsonNode> jobs = rest.withBasicAuth("e2e-admin", EngineTestSupport.TEST_PASSWORD)
                .getForEntity("/engine-rest/engine/e2e/job?processInstanceId=" + processInstanceId + "&timers=true", JsonNode.class);
        assertThat(jobs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jobs.getBody()).hasSize(1);
        String jobId = jobs.getBody().get(0).get("id").asText();

        ResponseEntity<Void> moved = rest.withBasicAuth("e2e-admin", EngineTestSupport.TEST_PASSWORD).exchange(
                "/engine-rest/engine/e2e/job/" + jobId + "/duedate", HttpMethod.PUT,
                new HttpEntity<>(Map.of("duedate", ENGINE_REST_DATE.format(Instant.now().atOffset(ZoneOffset.UTC)))), Void.class);
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode view = await(applicationNo, v -> v.get("slaClocks").get(0).get("breached").asBoolean());
        assertThat(view.get("slaClocks").get(0).get("stage").asText()).isEqualTo("acceptance");
        assertThat(view.get("openTasks").get(0).get("stage").asText()).isEqualTo("acceptance");
        assertThat(view.get("openTasks").get(0).get("department").asText()).isEqualTo("grid-service-window");
    }

    @Test
    void shouldKeepTheEngineRestApiClosedToAnonymousCallers() {
        assertThat(rest.getForEntity("/engine-rest/job", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private String submit(String voltageClass, int capacityKva) {
        ResponseEntity<JsonNode> created = post("/api/applications", "grid-service-window", Map.of(
                "applicantName", "Yancheng Textile Co.", "contactPhone", "0515-88886666",
                "address", "18 Century Avenue, Yancheng", "voltageClass", voltageClass, "capacityKva", capacityKva,
                "kind", "NEW_CONNECTION", "customerType", "NON_RESIDENTIAL"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().get("applicationNo").asText();
    }

    private void completeOnly(String applicationNo, String stage, Map<String, Object> body) {
        String taskId = taskId(get(applicationNo), stage);
        assertThat(post("/api/tasks/" + taskId + "/complete", "grid-service-window", body).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private void completeTaskOf(String applicationNo, String department, Map<String, Object> body) {
        JsonNode view = await(applicationNo, v -> taskOf(v, department) != null);
        String taskId = taskOf(view, department).get("taskId").asText();
        ResponseEntity<JsonNode> answer = post("/api/tasks/" + taskId + "/complete", department, body);
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
    }

    private static JsonNode taskOf(JsonNode view, String department) {
        for (JsonNode task : view.get("openTasks")) {
            if (task.get("department").asText().equals(department)) {
                return task;
            }
        }
        return null;
    }

    private static String taskId(JsonNode view, String stage) {
        for (JsonNode task : view.get("openTasks")) {
            if (task.get("stage").asText().equals(stage)) {
                return task.get("taskId").asText();
            }
        }
        throw new AssertionError("no open " + stage + " task in " + view.get("openTasks"));
    }

    private ResponseEntity<JsonNode> post(String path, String user, Object body) {
        return rest.withBasicAuth(user, EngineTestSupport.TEST_PASSWORD).postForEntity(path, body, JsonNode.class);
    }

    private JsonNode get(String applicationNo) {
        ResponseEntity<JsonNode> answer = rest.withBasicAuth("supervisor", EngineTestSupport.TEST_PASSWORD)
                .getForEntity("/api/applications/" + applicationNo, JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    /** Polls the application until the job executor has done its part, for at most a minute. */
    private JsonNode await(String applicationNo, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonNode view = get(applicationNo);
        while (!condition.test(view)) {
            assertThat(Instant.now()).as("waiting for the job executor; last view: %s", view).isBefore(deadline);
            Thread.onSpinWait();
            view = get(applicationNo);
        }
        return view;
    }
}
