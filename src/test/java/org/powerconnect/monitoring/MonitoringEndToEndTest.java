package org.powerconnect.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.powerconnect.EngineTestSupport;
import org.powerconnect.connection.ExternalLineWork;
import org.powerconnect.connection.Stage;
import org.powerconnect.sla.SlaClock;
import org.powerconnect.sla.SlaClocks;
import org.powerconnect.sla.SlaWarnings;
import org.powerconnect.worklist.StageOutcome;
import org.powerconnect.worklist.StageTask;
import org.powerconnect.worklist.Worklist;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server as production runs it (job executor and engine metrics on), scraped by a real Prometheus (Debian's
 * {@code prometheus}, on the PATH) with the alert rules of {@code grafana/prometheus/alerts.yml}. After a few
 * applications ran through, every query of the dashboards in {@code grafana/dashboards/} must return data, and
 * every metric a dashboard or an alert names must be exported. Waits are bounded polls, never fixed sleeps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=true",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000",
        "camunda.bpm.metrics.enabled=true",
        "camunda.bpm.process-engine-name=monitoring",
        "powerconnect.metrics.open-work-interval=PT1S",
        "powerconnect.metrics.open-work-initial-delay=PT0S"})
@ActiveProfiles("test")
@AutoConfigureObservability(tracing = false) // tests leave the Prometheus endpoint out unless asked
@DirtiesContext
class MonitoringEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Path GRAFANA = Path.of("grafana");
    /** Metric names of the server (not Prometheus' own {@code up}) as they appear in PromQL. */
    private static final Pattern METRIC = Pattern.compile(
            "\\b((?:powerconnect|jvm|process|system|hikaricp|http_server)_[a-z_]+)\\b");

    private static Process prometheus;
    private static Path prometheusDir;
    private static int prometheusPort;
    private static boolean applicationsRan;

    @LocalServerPort
    private int port;
    @Autowired
    private ProcessEngine engine;
    @Autowired
    private ManagementService management;
    @Autowired
    private Worklist worklist;
    @Autowired
    private SlaClocks clocks;
    @Autowired
    private SlaWarnings warnings;
    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Prometheus first, so that it sees the counters move; then a few applications, once for the class. */
    @BeforeEach
    void prometheusAndApplications() throws Exception {
        if (applicationsRan) {
            return;
        }
        EngineTestSupport.ensureDepartmentUsers(engine.getIdentityService());
        startPrometheus();
        await("Prometheus scrapes the server", () -> get("/api/v1/query?query=up")
                .path("data").path("result").findValues("value").stream().anyMatch(v -> v.get(1).asText().equals("1")),
                () -> get("/api/v1/targets").findValues("lastError").toString());
        runApplications();
        applicationsRan = true;
    }

    @AfterAll
    static void stopPrometheus() throws IOException {
        if (prometheus != null) {
            prometheus.destroy();
        }
        if (prometheusDir != null) {
            try (var files = Files.walk(prometheusDir)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void everyMetricThatADashboardOrAnAlertUsesIsExportedByTheServer() throws Exception {
        String exported = rest.getForObject("/actuator/prometheus", String.class);
        Set<String> names = new TreeSet<>();
        exported.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0]).forEach(names::add);

        Set<String> used = new TreeSet<>();
        dashboardQueries().values().forEach(expr -> used.addAll(metricsIn(expr)));
        alertExpressions().values().forEach(expr -> used.addAll(metricsIn(expr)));

        assertThat(used).as("metrics named by dashboards and alerts").hasSizeGreaterThan(15);
        assertThat(used).allSatisfy(name -> assertThat(names).as("exported metrics").contains(name));
    }

    @Test
    void aRealPrometheusScrapingTheServerAnswersEveryDashboardQueryWithData() throws Exception {
        Map<String, String> queries = dashboardQueries();
        assertThat(queries).hasSizeGreaterThan(20);
        List<String> withoutData = new ArrayList<>(queries.keySet());
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!withoutData.isEmpty() && Instant.now().isBefore(deadline)) {
            withoutData.removeIf(panel -> !query(grafanaVariablesFilledIn(queries.get(panel))).isEmpty());
            if (!withoutData.isEmpty()) {
                pause();
            }
        }
        assertThat(withoutData).as("dashboard queries without data").isEmpty();

        // a stage completed on time, so the on-time share is a number, not 0/0
        assertThat(query(grafanaVariablesFilledIn(queries.get("PowerConnect · Supervisor overview / "
                + "On-time share by department and stage #A"))).findValues("value"))
                .anySatisfy(value -> assertThat(value.get(1).asText()).isEqualTo("1"));
        // and Prometheus evaluates every alert rule without error
        JsonNode groups = get("/api/v1/rules").path("data").path("groups");
        assertThat(groups.findValues("rules").stream().flatMap(rules -> rules.findValues("health").stream()))
                .hasSize(alertExpressions().size()).allSatisfy(health -> assertThat(health.asText()).isEqualTo("ok"));
    }

    // ---------------------------------------------------------------- applications

    private void runApplications() {
        // low voltage, no external line: through to power-on, every stage on time
        String powerOn = submit("LOW_VOLTAGE");
        completeEach(powerOn, Stage.ACCEPTANCE, null);
        completeEach(powerOn, Stage.SURVEY_OPINION, null);
        completeEach(powerOn, Stage.SUPPLY_PLAN, new StageOutcome.SupplyPlanReply(ExternalLineWork.NONE, List.of(), null));
        completeEach(powerOn, Stage.POWER_ON, null);
        await("application " + powerOn + " powered on", () -> "POWERED_ON".equals(view(powerOn).path("status").asText()));

        // high voltage: survey opinions and the plan stay open; one survey opinion breaches, the others warn
        String open = submit("HIGH_VOLTAGE");
        completeEach(open, Stage.ACCEPTANCE, null);
        await("open tasks of " + open, () -> worklist.openTasksOf(open).size() == 4);
        SlaClock planning = clocks.clocksOf(open).stream()
                .filter(clock -> clock.stage() == Stage.SURVEY_OPINION && clock.isRunning()).findFirst().orElseThrow();
        warnings.recordDue(planning.warnAt());
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(open)
                .singleResult().getId();
        Job timer = management.createJobQuery().processInstanceId(instance).timers().list().stream()
                .filter(job -> job.getDuedate().toInstant().equals(planning.dueAt())).findFirst().orElseThrow();
        management.setJobDuedate(timer.getId(), new Date());
        await("a breach of " + open, () -> !clocks.breachesOf(open).isEmpty());
    }

    private String submit(String voltageClass) {
        ResponseEntity<JsonNode> reply = rest.withBasicAuth("grid-service-window", EngineTestSupport.TEST_PASSWORD)
                .postForEntity("/api/applications", Map.of("applicantName", "Monitoring Ltd", "contactPhone", "13800138000",
                        "address", "1 Test Road, Yancheng", "voltageClass", voltageClass, "capacityKva", 80,
                        "kind", "NEW_CONNECTION", "customerType", "NON_RESIDENTIAL"), JsonNode.class);
        assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return reply.getBody().path("applicationNo").asText();
    }

    /** Completes every open task of a stage, once the job executor has brought the application there. */
    private void completeEach(String applicationNo, Stage stage, StageOutcome outcome) {
        await(stage + " of " + applicationNo, () -> worklist.openTasksOf(applicationNo).stream()
                .anyMatch(task -> task.stage() == stage));
        for (StageTask task : worklist.openTasksOf(applicationNo)) {
            if (task.stage() == stage) {
                worklist.complete(task, outcome == null ? new StageOutcome.Done(null) : outcome, task.department().key(),
                        Set.of(task.department().key()));
            }
        }
    }

    private JsonNode view(String applicationNo) {
        return rest.withBasicAuth("supervisor", EngineTestSupport.TEST_PASSWORD)
                .getForObject("/api/applications/" + applicationNo, JsonNode.class);
    }

    // ---------------------------------------------------------------- dashboards and alerts

    /** Every target of every panel, named "dashboard / panel #refId". */
    private Map<String, String> dashboardQueries() throws IOException {
        Map<String, String> queries = new TreeMap<>();
        try (var files = Files.list(GRAFANA.resolve("dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode dashboard = json.readTree(file.toFile());
                for (JsonNode panel : dashboard.path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        queries.put(dashboard.path("title").asText() + " / " + panel.path("title").asText() + " #"
                                + target.path("refId").asText(), target.path("expr").asText());
                    }
                }
            }
        }
        return queries;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> alertExpressions() throws IOException {
        Map<String, Object> rules = new Yaml().load(Files.readString(GRAFANA.resolve("prometheus/alerts.yml")));
        Map<String, String> expressions = new TreeMap<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                expressions.put((String) rule.get("alert"), (String) rule.get("expr"));
            }
        }
        return expressions;
    }

    private static Set<String> metricsIn(String expr) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC.matcher(expr);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** What Grafana would put in: the whole range as one hour, the rate interval as a minute, our job. */
    private static String grafanaVariablesFilledIn(String expr) {
        return expr.replace("$__range", "1h").replace("$__rate_interval", "1m").replace("$job", "powerconnect");
    }

    // ---------------------------------------------------------------- Prometheus

    private void startPrometheus() throws IOException {
        prometheusDir = Files.createTempDirectory("powerconnect-prometheus");
        prometheusPort = freePort();
        Path config = prometheusDir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                  - job_name: powerconnect
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(GRAFANA.resolve("prometheus/alerts.yml").toAbsolutePath(), port));
        prometheus = new ProcessBuilder("prometheus", "--config.file=" + config,
                "--storage.tsdb.path=" + prometheusDir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + prometheusPort, "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(prometheusDir.resolve("prometheus.log").toFile()).start();
    }

    private JsonNode query(String promql) {
        JsonNode answer = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        assertThat(answer.path("status").asText()).as("Prometheus' answer to %s: %s", promql, answer).isEqualTo("success");
        return answer.path("data").path("result");
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + prometheusPort + path)).build(), HttpResponse.BodyHandlers.ofString());
            return json.readTree(response.body());
        } catch (IOException e) {
            // Prometheus is still starting
            return json.createObjectNode().put("status", "starting").set("data",
                    json.createObjectNode().set("result", json.createArrayNode()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        await(what, condition, () -> "");
    }

    private static void await(String what, BooleanSupplier condition, java.util.function.Supplier<String> details) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (!Instant.now().isBefore(deadline)) {
                throw new AssertionError("gave up waiting for " + what + " " + details.get());
            }
            assertThat(prometheus == null || prometheus.isAlive()).as("Prometheus is running").isTrue();
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
