package benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The benchmark's load driver: pushes applications through the whole connection flow over HTTP, with a number
 * of concurrent clients, against our server ({@code --target powerconnect}, the {@code /api}) or the plain-Camunda
 * baseline ({@code --target baseline}, Camunda's {@code /engine-rest}), and reports throughput and latency
 * percentiles per endpoint. {@code compare ours.json baseline.json} prints the ratios for BENCHMARKS.md.
 *
 * <p>Every application takes the same path: high voltage, 1 000 kVA, a supply plan with external line without
 * road excavation and two permits (planning, road occupancy), so nine user tasks: acceptance, three survey
 * opinions and the supply plan in parallel, the two permits in parallel, construction, power-on; in between,
 * the three asynchronous joins that the job executor runs. Each client works one application at a time, as a
 * clerk would: it completes the open tasks it has not completed yet until power-on is done. Our API names the
 * open tasks in the answers to submission and completion; the baseline (and ours when an answer has nothing new,
 * because a join still waits for the job executor) is asked for them, after a 20 ms pause when the last answer
 * had nothing new. Every such question counts as a request like any other.
 *
 * <p>The first {@code --warmup} applications run before the measurement (JIT, connection pools, caches) and
 * are not counted. Run by {@code scripts/bench/run-benchmark.sh}; see BENCHMARKS.md.
 */
public final class LoadDriver {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> PERMITS = List.of("planning-permit", "road-occupancy-permit");
    private static final int TASKS_PER_APPLICATION = 9;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("compare")) {
            System.out.println(compare(Path.of(args[1]), Path.of(args[2])));
            return;
        }
        Map<String, String> options = options(args);
        String target = options.getOrDefault("target", "powerconnect");
        String url = options.getOrDefault("url", target.equals("baseline") ? "http://localhost:8090" : "http://localhost:8080");
        int applications = Integer.parseInt(options.getOrDefault("applications", "400"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "16"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "50"));
        Path out = Path.of(options.getOrDefault("out", "target/bench/" + target + ".json"));
        Flow flow = switch (target) {
            case "powerconnect" -> new PowerConnectFlow(url, options.getOrDefault("password", "demo"));
            case "baseline" -> new BaselineFlow(url);
            default -> throw new IllegalArgumentException("--target must be powerconnect or baseline, not " + target);
        };
        System.out.printf("%s at %s: %d warm-up applications, then %d with %d clients%n",
                target, url, warmup, applications, clients);
        run(flow, warmup, clients, new Latencies(), "warm-up");
        Latencies latencies = new Latencies();
        CpuSample cpuBefore = CpuSample.now();
        long started = System.nanoTime();
        int completions = run(flow, applications, clients, latencies, "measured");
        double seconds = (System.nanoTime() - started) / 1e9;
        double busy = CpuSample.now().busySince(cpuBefore);

        ObjectNode result = JSON.createObjectNode();
        result.put("target", target);
        result.put("url", url);
        result.put("date", Instant.now().toString());
        result.put("applications", applications);
        result.put("clients", clients);
        result.put("warmup", warmup);
        result.put("seconds", round(seconds));
        result.put("applicationsPerSecond", round(applications / seconds));
        result.put("completionsPerSecond", round(completions / seconds));
        result.put("machineCpuBusy", round(busy));
        ObjectNode endpoints = result.putObject("endpoints");
        latencies.byEndpoint().forEach((endpoint, values) -> endpoints.set(endpoint, summary(values)));
        endpoints.set("all", summary(latencies.all()));
        Files.createDirectories(out.toAbsolutePath().getParent());
        JSON.writeValue(out.toFile(), result);
        System.out.println(JSON.writeValueAsString(result));
    }

    /** Runs {@code count} applications to power-on with {@code clients} threads; answers the task completions. */
    private static int run(Flow flow, int count, int clients, Latencies latencies, String phase) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger completions = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        completions.addAndGet(flow.connect(latencies));
                        int finished = done.incrementAndGet();
                        if (finished % 100 == 0) {
                            System.out.printf("  %s: %d/%d applications powered on%n", phase, finished, count);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return completions.get();
    }

    /** One application from submission to power-on. */
    interface Flow {
        int connect(Latencies latencies) throws Exception;
    }

    record OpenTask(String id, String kind, String department) {
    }

    record Started(String application, List<OpenTask> openTasks) {
    }

    /** The skeleton both targets share: submit, then complete what is open until power-on. */
    abstract static class TaskFlow implements Flow {

        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        final String url;

        TaskFlow(String url) {
            this.url = url;
        }

        /** Starts an application; answers it and its open tasks when the answer tells them, else null. */
        abstract Started submit(Latencies latencies) throws Exception;

        abstract List<OpenTask> openTasks(String application, Latencies latencies) throws Exception;

        /** Completes the task; answers the application's open tasks when the answer tells them, else null. */
        abstract List<OpenTask> complete(String application, OpenTask task, Latencies latencies) throws Exception;

        abstract boolean isPowerOn(OpenTask task);

        @Override
        public int connect(Latencies latencies) throws Exception {
            Started started = submit(latencies);
            String application = started.application();
            List<OpenTask> open = started.openTasks();
            Set<String> completed = new HashSet<>();
            long idleSince = System.nanoTime();
            while (true) {
                if (open == null) {
                    open = openTasks(application, latencies);
                }
                List<OpenTask> fresh = open.stream().filter(task -> !completed.contains(task.id())).toList();
                if (fresh.isEmpty()) {
                    // a join waits for the job executor: ask again shortly
                    if (System.nanoTime() - idleSince > Duration.ofSeconds(120).toNanos()) {
                        throw new IllegalStateException(application + " has had no new task for 2 minutes");
                    }
                    Thread.sleep(20);
                    open = null;
                    continue;
                }
                idleSince = System.nanoTime();
                List<OpenTask> after = null;
                for (OpenTask task : fresh) {
                    completed.add(task.id());
                    after = complete(application, task, latencies);
                    if (isPowerOn(task)) {
                        if (completed.size() != TASKS_PER_APPLICATION) {
                            throw new IllegalStateException(application + " powered on after " + completed.size()
                                    + " tasks, expected " + TASKS_PER_APPLICATION);
                        }
                        return completed.size();
                    }
                }
                // the last completion's answer knows what the earlier ones handed on
                open = after;
            }
        }

        JsonNode send(String endpoint, HttpRequest.Builder request, int expected, Latencies latencies) throws Exception {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            latencies.record(endpoint, System.nanoTime() - start);
            if (response.statusCode() != expected) {
                throw new IllegalStateException(endpoint + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        }

        static HttpRequest.BodyPublisher json(Object body) {
            try {
                return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Our server: {@code /api}, HTTP Basic as the department's user, authorizations on. */
    static final class PowerConnectFlow extends TaskFlow {

        private final String password;

        PowerConnectFlow(String url, String password) {
            super(url);
            this.password = password;
        }

        private HttpRequest.Builder as(String user, String path) {
            return HttpRequest.newBuilder(URI.create(url + path))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json");
        }

        @Override
        Started submit(Latencies latencies) throws Exception {
            Map<String, Object> body = Map.of("applicantName", "Yancheng Benchmark Works",
                    "contactPhone", "0515-88886666", "address", "1 Test Road, Yancheng",
                    "voltageClass", "HIGH_VOLTAGE", "capacityKva", 1000, "kind", "NEW_CONNECTION",
                    "customerType", "NON_RESIDENTIAL");
            JsonNode submitted = send("submit", as("grid-service-window", "/api/applications").POST(json(body)), 201,
                    latencies);
            return new Started(submitted.path("applicationNo").asText(), tasks(submitted.path("openTasks")));
        }

        @Override
        List<OpenTask> openTasks(String application, Latencies latencies) throws Exception {
            return tasks(send("open tasks", as("grid-service-window", "/api/applications/" + application + "/tasks")
                    .GET(), 200, latencies));
        }

        private static List<OpenTask> tasks(JsonNode tasks) {
            if (!tasks.isArray()) {
                throw new IllegalStateException("expected a list of open tasks, got " + tasks);
            }
            List<OpenTask> open = new ArrayList<>();
            tasks.forEach(task -> open.add(new OpenTask(task.path("taskId").asText(), task.path("stage").asText(),
                    task.path("department").asText())));
            return open;
        }

        @Override
        List<OpenTask> complete(String application, OpenTask task, Latencies latencies) throws Exception {
            Map<String, Object> body = switch (task.kind()) {
                case "supply-plan" -> Map.of("externalLineWork", "WITHOUT_EXCAVATION", "requiredPermits", PERMITS,
                        "applicantConfirmation", false);
                case "planning-permit", "road-occupancy-permit" -> Map.of("decision", "APPROVED");
                default -> Map.of();
            };
            return tasks(send("complete", as(task.department(), "/api/tasks/" + task.id() + "/complete")
                    .POST(json(body)), 200, latencies).path("openTasks"));
        }

        @Override
        boolean isPowerOn(OpenTask task) {
            return task.kind().equals("power-on");
        }
    }

    /** Plain Camunda: {@code /engine-rest}, no authentication, the same decisions as process variables. */
    static final class BaselineFlow extends TaskFlow {

        private static final AtomicLong NUMBERS = new AtomicLong();

        BaselineFlow(String url) {
            super(url);
        }

        private HttpRequest.Builder at(String path) {
            return HttpRequest.newBuilder(URI.create(url + "/engine-rest" + path))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json");
        }

        @Override
        Started submit(Latencies latencies) throws Exception {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("voltageClass", variable("HIGH_VOLTAGE", "String"));
            variables.put("customerType", variable("NON_RESIDENTIAL", "String"));
            variables.put("capacityKva", variable(1000, "Integer"));
            variables.put("kind", variable("NEW_CONNECTION", "String"));
            Map<String, Object> body = Map.of("businessKey", "BASELINE-" + NUMBERS.incrementAndGet() + "-" + System.nanoTime(),
                    "variables", variables);
            return new Started(send("submit", at("/process-definition/key/ConnectionApplicationProcess/start")
                    .POST(json(body)), 200, latencies).path("id").asText(), null);
        }

        @Override
        List<OpenTask> openTasks(String application, Latencies latencies) throws Exception {
            JsonNode tasks = send("open tasks", at("/task?processInstanceId=" + application).GET(), 200, latencies);
            List<OpenTask> open = new ArrayList<>();
            tasks.forEach(task -> open.add(new OpenTask(task.path("id").asText(),
                    task.path("taskDefinitionKey").asText(), "")));
            return open;
        }

        @Override
        List<OpenTask> complete(String application, OpenTask task, Latencies latencies) throws Exception {
            Map<String, Object> variables = new LinkedHashMap<>();
            switch (task.kind()) {
                case "UserTask_ReplySupplyPlan" -> {
                    variables.put("externalLineWork", variable("WITHOUT_EXCAVATION", "String"));
                    variables.put("requiredPermits", variable(String.join(",", PERMITS), "String"));
                    variables.put("applicantConfirmation", variable(false, "Boolean"));
                }
                case "UserTask_IssuePlanningPermit", "UserTask_IssueRoadOccupancyPermit" ->
                        variables.put("decision", variable("APPROVED", "String"));
                default -> {
                }
            }
            // engine-rest answers 204 without a body: the client must ask for the next tasks
            send("complete", at("/task/" + task.id() + "/complete").POST(json(Map.of("variables", variables))), 204,
                    latencies);
            return null;
        }

        @Override
        boolean isPowerOn(OpenTask task) {
            return task.kind().equals("UserTask_PowerOn");
        }

        private static Map<String, Object> variable(Object value, String type) {
            return Map.of("value", value, "type", type);
        }
    }

    /** Response times per endpoint, in nanoseconds. */
    static final class Latencies {

        private final Map<String, List<Long>> byEndpoint = new ConcurrentHashMap<>();

        void record(String endpoint, long nanos) {
            List<Long> values = byEndpoint.computeIfAbsent(endpoint, e -> new ArrayList<>());
            synchronized (values) {
                values.add(nanos);
            }
        }

        Map<String, List<Long>> byEndpoint() {
            return new java.util.TreeMap<>(byEndpoint);
        }

        List<Long> all() {
            List<Long> all = new ArrayList<>();
            byEndpoint.values().forEach(all::addAll);
            return all;
        }
    }

    private static ObjectNode summary(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        ObjectNode summary = JSON.createObjectNode();
        summary.put("requests", sorted.length);
        summary.put("p50ms", millis(percentile(sorted, 50)));
        summary.put("p95ms", millis(percentile(sorted, 95)));
        summary.put("p99ms", millis(percentile(sorted, 99)));
        summary.put("maxms", millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
        return summary;
    }

    /** Nearest rank: the smallest value with at least p % of the values at or below it. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return round(nanos / 1e6);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** The whole machine's CPU time from /proc/stat: how busy both cores were during the measurement. */
    record CpuSample(long busy, long total) {

        static CpuSample now() {
            try {
                String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < fields.length; i++) {
                    total += Long.parseLong(fields[i]);
                }
                long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
                return new CpuSample(total - idle, total);
            } catch (IOException | RuntimeException e) {
                return new CpuSample(0, 0);
            }
        }

        double busySince(CpuSample before) {
            long total = this.total - before.total;
            return total == 0 ? Double.NaN : (double) (this.busy - before.busy) / total;
        }
    }

    /** The table for BENCHMARKS.md: both runs side by side, and ours as ratios of the baseline. */
    static String compare(Path ours, Path baseline) throws IOException {
        JsonNode a = JSON.readTree(ours.toFile());
        JsonNode b = JSON.readTree(baseline.toFile());
        StringBuilder table = new StringBuilder();
        table.append("| figure | PowerConnect | baseline | ratio |\n|---|---:|---:|---:|\n");
        row(table, "applications per second", a.path("applicationsPerSecond"), b.path("applicationsPerSecond"));
        row(table, "task completions per second", a.path("completionsPerSecond"), b.path("completionsPerSecond"));
        row(table, "machine CPU busy (both cores)", a.path("machineCpuBusy"), b.path("machineCpuBusy"));
        List<String> endpoints = new ArrayList<>();
        a.path("endpoints").fieldNames().forEachRemaining(endpoints::add);
        for (String endpoint : endpoints) {
            for (String figure : List.of("p50ms", "p95ms", "p99ms")) {
                row(table, endpoint + " " + figure.replace("ms", "") + " (ms)",
                        a.path("endpoints").path(endpoint).path(figure), b.path("endpoints").path(endpoint).path(figure));
            }
            row(table, endpoint + " requests", a.path("endpoints").path(endpoint).path("requests"),
                    b.path("endpoints").path(endpoint).path("requests"));
        }
        return table.toString();
    }

    private static void row(StringBuilder table, String name, JsonNode ours, JsonNode baseline) {
        String ratio = ours.isNumber() && baseline.isNumber() && baseline.asDouble() != 0
                ? String.format("%.2f", ours.asDouble() / baseline.asDouble()) : "";
        table.append("| ").append(name).append(" | ").append(ours.asText()).append(" | ").append(baseline.asText())
                .append(" | ").append(ratio).append(" |\n");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
