package org.powerconnect.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.powerconnect.ApiClient.assertIsProblem;
import static org.powerconnect.ApiClient.errorFields;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.powerconnect.ApiClient.Reply;
import org.powerconnect.EngineTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;

/**
 * The service window's HTTP API, called as a client would: over HTTP, with HTTP Basic, reading JSON.
 * Expected due dates were worked out by hand from sla-config/cn-workday-calendar.yaml and sla.yaml
 * (acceptance: 0 working days, office cut-off 17:00, Asia/Shanghai).
 */
class ApplicationApiTest extends EngineTestSupport {

    private static final String APPLICATIONS = "/api/applications";
    private static final String WINDOW = "grid-service-window";

    @org.springframework.boot.test.web.server.LocalServerPort
    private int port;

    @Autowired
    private TestRestTemplate rest;

    // ---------------------------------------------------------------- submitting

    @Test
    void aValidSubmissionIsCreatedWithANumberItsStatusItsOfficeTimeAndItsLocation() {
        at("2026-09-24T10:00");

        Reply reply = api.post(APPLICATIONS, WINDOW, validApplication());

        assertThat(reply.status()).isEqualTo(HttpStatus.CREATED);
        String applicationNo = reply.body().path("applicationNo").asText();
        assertThat(applicationNo).matches("^YC-\\d{8}-\\d{6}$");
        assertThat(reply.body().path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(reply.body().path("submittedAt").asText()).isEqualTo("2026-09-24T10:00:00+08:00");
        URI location = reply.headers().getLocation();
        assertThat(location).isNotNull();
        assertThat(location.toString()).endsWith("/api/applications/" + applicationNo);

        Reply fetched = api.get(location.getPath(), WINDOW);
        assertThat(fetched.status()).isEqualTo(HttpStatus.OK);
        assertThat(fetched.body().path("applicationNo").asText()).isEqualTo(applicationNo);
    }

    @Test
    void twoSubmissionsGetDifferentNumbers() {
        at("2026-09-24T10:00");

        String first = submitted(validApplication());
        String second = submitted(validApplication());

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void theNumberCarriesTheShanghaiDateOfTheSubmission() {
        // 23:30 in Shanghai is still the morning of 2026-12-03 in UTC and in the test JVM's Los Angeles.
        at("2026-12-03T23:30");
        String lateEvening = submitted(validApplication());
        // 00:30 in Shanghai is 2026-12-03 16:30 UTC: only the office date says 2026-12-04.
        at("2026-12-04T00:30");
        String afterMidnight = submitted(validApplication());

        assertThat(lateEvening).startsWith("YC-20261203-");
        assertThat(afterMidnight).startsWith("YC-20261204-");
    }

    // ---------------------------------------------------------------- looking an application up

    @Test
    void aNewApplicationShowsItsAcceptanceTaskAndClockDueAtTheEndOfTheSameWorkingDay() {
        at("2026-09-24T10:00"); // a Thursday, before the 17:00 cut-off
        String applicationNo = submitted(validApplication());

        Reply reply = api.get(APPLICATIONS + "/" + applicationNo, WINDOW);

        assertThat(reply.status()).isEqualTo(HttpStatus.OK);
        JsonNode application = reply.body();
        assertThat(application.path("applicationNo").asText()).isEqualTo(applicationNo);
        assertThat(application.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(application.path("applicantName").asText()).isEqualTo("Wang Fang");
        assertThat(application.path("voltageClass").asText()).isEqualTo("LOW_VOLTAGE");
        assertThat(application.path("capacityKva").asInt()).isEqualTo(8);
        assertThat(application.has("externalLineWork")).as("externalLineWork is present").isTrue();
        assertThat(application.get("externalLineWork").isNull()).as("externalLineWork is null").isTrue();
        assertThat(application.path("openTasks")).hasSize(1);
        JsonNode task = application.path("openTasks").get(0);
        assertThat(task.path("stage").asText()).isEqualTo("acceptance");
        assertThat(task.path("department").asText()).isEqualTo("grid-service-window");
        assertThat(task.path("dueAt").asText()).isEqualTo("2026-09-24T17:00:00+08:00");
        assertThat(clock(application, "acceptance").path("dueAt").asText()).isEqualTo("2026-09-24T17:00:00+08:00");
    }

    @Test
    void anApplicationArrivingAfterTheCutOffBeforeTheMidAutumnHolidaysIsDueOnTheNextWorkingDay() {
        // 18:00 counts as Friday 2026-09-25; 09-25..09-27 are the Mid-Autumn holidays, so Monday 09-28.
        at("2026-09-24T18:00");
        String applicationNo = submitted(validApplication());

        JsonNode application = api.get(APPLICATIONS + "/" + applicationNo, WINDOW).body();

        assertThat(application.path("openTasks")).hasSize(1);
        assertThat(application.path("openTasks").get(0).path("dueAt").asText()).isEqualTo("2026-09-28T17:00:00+08:00");
        assertThat(clock(application, "acceptance").path("dueAt").asText()).isEqualTo("2026-09-28T17:00:00+08:00");
    }

    @Test
    void theSubmissionAnswerAndTheTaskListOfTheApplicationShowTheAcceptanceWaitingAtTheWindow() {
        at("2026-09-24T10:00");

        Reply submittedReply = api.post(APPLICATIONS, WINDOW, validApplication());
        String applicationNo = submittedReply.body().path("applicationNo").asText();
        Reply tasks = api.get(APPLICATIONS + "/" + applicationNo + "/tasks", WINDOW);

        assertThat(submittedReply.body().path("openTasks")).singleElement().satisfies(task -> {
            assertThat(task.path("stage").asText()).isEqualTo("acceptance");
            assertThat(task.path("department").asText()).isEqualTo("grid-service-window");
            assertThat(task.path("dueAt").asText()).isEqualTo("2026-09-24T17:00:00+08:00");
        });
        assertThat(tasks.status()).isEqualTo(HttpStatus.OK);
        assertThat(tasks.body()).singleElement().satisfies(task -> assertThat(task.path("taskId").asText())
                .isEqualTo(submittedReply.body().path("openTasks").get(0).path("taskId").asText()));
    }

    @Test
    void theTaskListOfAnUnknownApplicationIsAnswered404() {
        Reply reply = api.get(APPLICATIONS + "/YC-20260924-999999999/tasks", WINDOW);

        assertThat(reply.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertIsProblem(reply, 404);
        assertThat(reply.body().path("detail").asText()).contains("YC-20260924-999999999");
    }

    @Test
    void anUnknownApplicationIsAnswered404AsAProblem() {
        Reply reply = api.get(APPLICATIONS + "/YC-20260924-999999999", WINDOW);

        assertThat(reply.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertIsProblem(reply, 404);
        assertThat(reply.body().path("detail").asText()).contains("YC-20260924-999999999");
    }

    // ---------------------------------------------------------------- bad requests

    @ParameterizedTest(name = "capacityKva {0}")
    @ValueSource(ints = {0, -5})
    void aSubmissionWithSeveralBadFieldsNamesEveryOneOfThem(int capacityKva) {
        Map<String, Object> body = validApplication();
        body.remove("applicantName");
        body.put("contactPhone", "12345");
        body.put("voltageClass", "MEDIUM");
        body.put("capacityKva", capacityKva);
        body.put("kind", "UPGRADE");

        Reply reply = api.post(APPLICATIONS, WINDOW, body);

        assertThat(reply.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertIsProblem(reply, 400);
        assertThat(errorFields(reply))
                .contains("applicantName", "contactPhone", "voltageClass", "capacityKva", "kind")
                .doesNotContain("address", "customerType");
        assertThat(reply.body().path("errors")).allSatisfy(error ->
                assertThat(error.path("message").asText()).as("message of %s", error).isNotBlank());
    }

    @Test
    void anApplicantsEmailAndMailLanguageAreKeptAndShownToStaff() {
        Map<String, Object> body = validApplication();
        body.put("email", "wang.fang@example.com");
        body.put("language", "en");

        String applicationNo = submitted(body);

        JsonNode application = api.get(APPLICATIONS + "/" + applicationNo, WINDOW).body();
        assertThat(application.path("email").asText()).isEqualTo("wang.fang@example.com");
        assertThat(application.path("language").asText()).isEqualTo("en");
        JsonNode withoutEmail = api.get(APPLICATIONS + "/" + submitted(validApplication()), WINDOW).body();
        assertThat(withoutEmail.path("email").isNull()).isTrue();
        Map<String, Object> emptyEmail = validApplication();
        emptyEmail.put("email", ""); // as a form sends an empty field
        assertThat(api.get(APPLICATIONS + "/" + submitted(emptyEmail), WINDOW).body().path("email").isNull()).isTrue();
        assertThat(withoutEmail.path("language").asText()).as("Chinese unless asked otherwise").isEqualTo("zh");
    }

    @ParameterizedTest(name = "email {0}")
    @ValueSource(strings = {"wang", "wang@example", "wang@example.com, boss@example.com", "wang@example.com\r\nBcc: x@example.com",
            "王@example.com", "<wang@example.com>"})
    void anEmailThatIsNotOneAddressIsRejectedNamingEmailAndNothingIsStored(String email) {
        Map<String, Object> body = validApplication();
        body.put("email", email);
        body.put("language", "fr");
        int before = jdbc.queryForObject("select count(*) from application", Integer.class);

        Reply reply = api.post(APPLICATIONS, WINDOW, body);

        assertIsProblem(reply, 400);
        assertThat(errorFields(reply)).containsExactlyInAnyOrder("email", "language");
        assertThat(jdbc.queryForObject("select count(*) from application", Integer.class)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} kVA at {1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "800,   LOW_VOLTAGE,        must be 1 to 500 kVA for LOW_VOLTAGE",
            "10,    HIGH_VOLTAGE,       must be 50 to 40000 kVA for HIGH_VOLTAGE",
            "60000, HIGH_VOLTAGE,       must be 50 to 40000 kVA for HIGH_VOLTAGE",
            "500,   EXTRA_HIGH_VOLTAGE, must be 1000 to 1000000 kVA for EXTRA_HIGH_VOLTAGE"})
    void aCapacityImplausibleForTheVoltageClassIsRejectedNamingCapacityKva(int capacityKva, String voltageClass,
            String message) {
        Map<String, Object> body = validApplication();
        body.put("capacityKva", capacityKva);
        body.put("voltageClass", voltageClass);
        int before = applicationCount();

        Reply reply = api.post(APPLICATIONS, WINDOW, body);

        assertIsProblem(reply, 400);
        assertThat(reply.body().path("errors")).singleElement().satisfies(error -> {
            assertThat(error.path("field").asText()).isEqualTo("capacityKva");
            assertThat(error.path("message").asText()).isEqualTo(message);
        });
        assertThat(applicationCount()).isEqualTo(before);
    }

    @Test
    void theCapacityLimitsOfAVoltageClassAreThemselvesAccepted() {
        Map<String, Object> body = validApplication();
        body.put("voltageClass", "HIGH_VOLTAGE");
        body.put("capacityKva", 50);
        assertThat(api.post(APPLICATIONS, WINDOW, body).status()).isEqualTo(HttpStatus.CREATED);
        body.put("capacityKva", 40_000);
        assertThat(api.post(APPLICATIONS, WINDOW, body).status()).isEqualTo(HttpStatus.CREATED);
    }

    // ---------------------------------------------------------------- retried submissions

    @Test
    void aSubmissionRetriedWithTheSameIdempotencyKeyGetsTheFirstAnswerAndCreatesNothing() {
        HttpHeaders key = idempotencyKey("window-pc-7/" + java.util.UUID.randomUUID());
        int before = applicationCount();

        Reply first = api.post(APPLICATIONS, WINDOW, validApplication(), key);
        Reply retried = api.post(APPLICATIONS, WINDOW, validApplication(), key);

        assertThat(first.status()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.headers().getFirst("Idempotent-Replayed")).isEqualTo("false");
        assertThat(retried.status()).isEqualTo(HttpStatus.CREATED);
        assertThat(retried.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(applicationCount()).isEqualTo(before + 1);
        assertThat(runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(first.body().path("applicationNo").asText()).count()).isEqualTo(1);
    }

    @Test
    void simultaneousRetriesWithOneKeyCreateOneApplication() throws Exception {
        HttpHeaders key = idempotencyKey(java.util.UUID.randomUUID().toString());
        int before = applicationCount();
        int clients = 4;
        var start = new java.util.concurrent.CyclicBarrier(clients);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        try {
            List<java.util.concurrent.Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return api.post(APPLICATIONS, WINDOW, validApplication(), key);
                }));
            }
            java.util.Set<String> numbers = new java.util.HashSet<>();
            for (var reply : replies) {
                Reply answer = reply.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(answer.status()).as("answer %s", answer.raw()).isEqualTo(HttpStatus.CREATED);
                numbers.add(answer.body().path("applicationNo").asText());
            }
            assertThat(numbers).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(applicationCount()).isEqualTo(before + 1);
    }

    @Test
    void anIdempotencyKeyReusedForADifferentSubmissionIsRefusedAndCreatesNothing() {
        HttpHeaders key = idempotencyKey(java.util.UUID.randomUUID().toString());
        assertThat(api.post(APPLICATIONS, WINDOW, validApplication(), key).status()).isEqualTo(HttpStatus.CREATED);
        int before = applicationCount();
        Map<String, Object> other = validApplication();
        other.put("capacityKva", 9);

        Reply reply = api.post(APPLICATIONS, WINDOW, other, key);

        assertIsProblem(reply, 422);
        assertThat(errorFields(reply)).containsExactly("Idempotency-Key");
        assertThat(applicationCount()).isEqualTo(before);
    }

    @ParameterizedTest(name = "key \"{0}\"")
    @ValueSource(strings = {"with space", "key-of-101-characters-0000000000000000000000000000000000000000000000000000000000000000000000000000000"})
    void aMalformedIdempotencyKeyIsRejectedNamingTheHeader(String malformed) {
        int before = applicationCount();

        Reply reply = api.post(APPLICATIONS, WINDOW, validApplication(), idempotencyKey(malformed));

        assertIsProblem(reply, 400);
        assertThat(errorFields(reply)).containsExactly("Idempotency-Key");
        assertThat(applicationCount()).isEqualTo(before);
    }

    private static HttpHeaders idempotencyKey(String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotency-Key", key);
        return headers;
    }

    private int applicationCount() {
        return jdbc.queryForObject("select count(*) from application", Integer.class);
    }

    @ParameterizedTest(name = "capacityKva {0}")
    @ValueSource(strings = {"\"abc\"", "12.5"})
    void aCapacityThatIsNotAWholeNumberIsRejectedNamingCapacityKva(String capacityKva) {
        String body = api.json(validApplication())
                .replace("\"capacityKva\":8", "\"capacityKva\":" + capacityKva);
        assertThat(body).contains("\"capacityKva\":" + capacityKva);

        Reply reply = api.postRaw(APPLICATIONS, WINDOW, MediaType.APPLICATION_JSON, body);

        assertThat(reply.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertIsProblem(reply, 400);
        assertThat(errorFields(reply)).containsExactly("capacityKva");
    }

    @Test
    void aBodyLargerThan64KiBIsRefusedWith413AndNothingIsStored() {
        Map<String, Object> body = validApplication();
        body.put("address", "x".repeat(70_000));
        int before = applicationCount();

        Reply reply = api.post(APPLICATIONS, WINDOW, body);

        assertIsProblem(reply, 413);
        assertThat(reply.body().path("detail").asText()).contains("at most 65536");
        assertThat(applicationCount()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyThatGrowsPast64KiBIsRefusedWith413() throws Exception {
        String body = api.json(validApplication()).replace("\"Wang Fang\"", "\"" + "Wang ".repeat(20_000) + "\"");
        int before = applicationCount();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + APPLICATIONS))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (WINDOW + ":" + TEST_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                // an input stream of unknown length: sent chunked, without Content-Length
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() ->
                        new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build();

        var response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as("answer %s", response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(applicationCount()).isEqualTo(before);
    }

    @Test
    void anUnknownFieldIsRejectedNamingIt() {
        Map<String, Object> body = validApplication();
        body.put("favouriteColour", "blue");

        Reply reply = api.post(APPLICATIONS, WINDOW, body);

        assertThat(reply.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertIsProblem(reply, 400);
        assertThat(errorFields(reply)).containsExactly("favouriteColour");
    }

    @Test
    void malformedJsonIsRejectedAs400Problem() {
        Reply reply = api.postRaw(APPLICATIONS, WINDOW, MediaType.APPLICATION_JSON,
                "{\"applicantName\": \"Wang Fang\",");

        assertThat(reply.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertIsProblem(reply, 400);
        assertThat(reply.body().path("errors")).isNotEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIsRejectedAs415Problem() {
        Reply reply = api.postRaw(APPLICATIONS, WINDOW, MediaType.TEXT_PLAIN, api.json(validApplication()));

        assertThat(reply.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertIsProblem(reply, 415);
    }

    // ---------------------------------------------------------------- who may submit

    @Test
    void submittingWithoutCredentialsIsAnswered401WithABasicChallenge() {
        Reply reply = api.post(APPLICATIONS, null, validApplication());

        assertThat(reply.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertIsProblem(reply, 401);
        assertThat(reply.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    }

    @Test
    void submittingWithAWrongPasswordIsAnswered401() {
        String clerk = freshServiceWindowClerk();
        assertThat(api.post(APPLICATIONS, clerk, validApplication()).status()).as("with the right password")
                .isEqualTo(HttpStatus.CREATED);

        Reply reply = api.post(APPLICATIONS, clerk, "not-the-password", validApplication());

        assertThat(reply.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertIsProblem(reply, 401);
    }

    @Test
    void aPlanningBureauUserMayNotSubmitAnApplication() {
        Reply reply = api.post(APPLICATIONS, "planning-bureau", validApplication());

        assertThat(reply.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertIsProblem(reply, 403);
    }

    // ---------------------------------------------------------------- nothing half-written

    @Test
    void aRejectedSubmissionLeavesNoRowBehind() {
        at("2026-09-24T10:00");
        Map<String, Long> before = rowCounts();
        Map<String, Object> invalid = validApplication();
        invalid.put("capacityKva", 0);
        Map<String, Object> unknownField = validApplication();
        unknownField.put("favouriteColour", "blue");

        List<HttpStatus> answers = new ArrayList<>();
        answers.add(api.post(APPLICATIONS, WINDOW, invalid).status());
        answers.add(api.post(APPLICATIONS, WINDOW, unknownField).status());
        answers.add(api.postRaw(APPLICATIONS, WINDOW, MediaType.APPLICATION_JSON, "{\"applicantName\":").status());
        answers.add(api.postRaw(APPLICATIONS, WINDOW, MediaType.TEXT_PLAIN, api.json(validApplication())).status());
        answers.add(api.post(APPLICATIONS, "planning-bureau", validApplication()).status());
        answers.add(api.post(APPLICATIONS, freshServiceWindowClerk(), "not-the-password", validApplication())
                .status());
        // a client that cannot read JSON is refused before anything is written, not after
        answers.add(HttpStatus.valueOf(rest.withBasicAuth(WINDOW, TEST_PASSWORD).exchange(RequestEntity
                .post(URI.create(APPLICATIONS)).accept(MediaType.APPLICATION_XML).contentType(MediaType.APPLICATION_JSON)
                .body(api.json(validApplication())), String.class).getStatusCode().value()));

        assertThat(answers).allSatisfy(status -> assertThat(status.is4xxClientError()).as("%s", status).isTrue());
        assertThat(rowCounts()).isEqualTo(before);
    }

    /** A NUL character, which PostgreSQL text cannot hold, is refused and leaves nothing behind. */
    @Test
    void aSubmissionThatFailsAfterItsNumberWasIssuedLeavesNoRowBehind() {
        at("2026-09-24T10:00");
        Map<String, Long> before = rowCounts();
        Map<String, Object> body = validApplication();
        body.put("applicantName", "Wang\u0000Fang");

        Reply reply = api.post(APPLICATIONS, WINDOW, body);

        assertThat(reply.status()).as("answer %s", reply.raw()).isNotEqualTo(HttpStatus.CREATED);
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void aFieldGivenTwiceIsRejectedNamingIt() {
        at("2026-09-24T10:00");
        String body = api.json(validApplication());
        String twice = body.substring(0, body.length() - 1) + ",\"capacityKva\":70}";

        Reply reply = api.postRaw(APPLICATIONS, WINDOW, MediaType.APPLICATION_JSON, twice);

        assertIsProblem(reply, 400);
        assertThat(errorFields(reply)).containsExactly("capacityKva");
    }

    @Test
    void invisibleOrBlankLookingTextIsRejectedNamingTheField() {
        at("2026-09-24T10:00");
        Map<String, Object> body = validApplication();
        body.put("applicantName", "\u200b\u200b");
        body.put("address", "\u3000");

        Reply reply = api.post(APPLICATIONS, WINDOW, body);

        assertIsProblem(reply, 400);
        assertThat(errorFields(reply)).containsExactlyInAnyOrder("applicantName", "address");
    }

    @Test
    void aNameWithANulCharacterIsRejectedAs400NamingApplicantName() {
        at("2026-09-24T10:00");
        Map<String, Object> body = validApplication();
        body.put("applicantName", "Wang\u0000Fang");

        Reply reply = api.post(APPLICATIONS, WINDOW, body);

        assertThat(reply.status()).as("answer to a name with a NUL character: %s", reply.raw())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertIsProblem(reply, 400);
        assertThat(errorFields(reply)).containsExactly("applicantName");
    }

    // ---------------------------------------------------------------- helpers

    /**
     * A service-window clerk of its own, recreated for each test: a wrong password makes the engine's identity
     * service lock the user for a while (by the engine clock, which tests move), so the shared department users
     * must never see one.
     */
    private String freshServiceWindowClerk() {
        IdentityService identity = engine.getIdentityService();
        String userId = "api-wrong-password-probe";
        if (identity.createUserQuery().userId(userId).count() > 0) {
            identity.deleteUser(userId);
        }
        User user = identity.newUser(userId);
        user.setPassword(TEST_PASSWORD);
        identity.saveUser(user);
        identity.createMembership(userId, WINDOW);
        return userId;
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("application", "application_number", "sla_clock", "act_ru_execution")) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }

    private static Map<String, Object> validApplication() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("applicantName", "Wang Fang");
        body.put("contactPhone", "13800138000");
        body.put("address", "8 Jiefang Road, Tinghu District, Yancheng");
        body.put("voltageClass", "LOW_VOLTAGE");
        body.put("capacityKva", 8);
        body.put("kind", "NEW_CONNECTION");
        body.put("customerType", "RESIDENTIAL");
        return body;
    }

    private String submitted(Map<String, Object> body) {
        Reply reply = api.post(APPLICATIONS, WINDOW, body);
        assertThat(reply.status()).as("submission answer %s", reply.raw()).isEqualTo(HttpStatus.CREATED);
        return reply.body().path("applicationNo").asText();
    }

    private static JsonNode clock(JsonNode application, String stage) {
        List<JsonNode> clocks = new ArrayList<>();
        application.path("slaClocks").forEach(clock -> {
            if (stage.equals(clock.path("stage").asText())) {
                clocks.add(clock);
            }
        });
        assertThat(clocks).as("%s clocks of %s", stage, application.path("slaClocks")).hasSize(1);
        return clocks.get(0);
    }
}
