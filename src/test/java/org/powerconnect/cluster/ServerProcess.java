package org.powerconnect.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The real server in a JVM of its own ({@code org.powerconnect.PowerConnectApplication}, postgres profile), as an
 * operator runs it: so that a test can kill it with SIGKILL, start it again on the same database, or run two of
 * them side by side. Its output goes to {@code target/cluster/<name>.log} (appended across restarts). Every
 * server still running when the test JVM ends is killed by a shutdown hook, so none outlives a failed test.
 */
final class ServerProcess implements AutoCloseable {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "cluster-admin-password";
    private static final Path LOGS = Path.of("target", "cluster");
    private static final Duration START_PATIENCE = Duration.ofSeconds(150);
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
    }

    private final String name;
    private final String jdbcUrl;
    private final String dbUser;
    private final int port;
    private final Map<String, String> settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int starts;

    /**
     * @param settings Spring properties given on the command line, e.g. {@code camunda.bpm.job-execution.lock-time-in-millis}
     */
    ServerProcess(String name, String jdbcUrl, String dbUser, Map<String, String> settings) {
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.dbUser = dbUser;
        this.port = freePort();
        this.settings = new LinkedHashMap<>(settings);
        try {
            Files.deleteIfExists(log()); // one log per test run; restarts append to it
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    Path log() {
        return LOGS.resolve(name + ".log");
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Launches the JVM and returns at once; {@link #awaitReady()} waits for it. */
    void launch() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-XX:+UseSerialGC",
                // a quicker start on a small machine; these servers live for a minute or two
                "-XX:TieredStopAtLevel=1",
                // the engine writes its timestamps (job due dates) in the JVM's zone: the same as the test's, which
                // reads them back; and, as for the in-process tests, far from Shanghai
                "-Duser.timezone=" + TimeZone.getDefault().getID(),
                "-cp", serverClasspath(), "org.powerconnect.PowerConnectApplication"));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("SPRING_PROFILES_ACTIVE", "postgres");
        env.put("PORT", Integer.toString(port));
        env.put("POWERCONNECT_DB_URL", jdbcUrl);
        env.put("POWERCONNECT_DB_USER", dbUser);
        env.put("POWERCONNECT_DB_PASSWORD", System.getenv().getOrDefault("POWERCONNECT_TEST_DB_PASSWORD", ""));
        env.put("POWERCONNECT_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("POWERCONNECT_NODE_NAME", name);
        env.put("POWERCONNECT_BASE_URL", "http://127.0.0.1:" + port);
        try {
            Files.createDirectories(LOGS);
            Files.writeString(log(), "%n===== %s start %d at %s: %s%n".formatted(name, ++starts, Instant.now(),
                    String.join(" ", command.subList(command.indexOf("org.powerconnect.PowerConnectApplication"),
                            command.size()))), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        RUNNING.add(process);
    }

    /** Waits until the server answers UP on /actuator/health, for at most a few minutes. */
    void awaitReady() {
        Instant deadline = Instant.now().plus(START_PATIENCE);
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " ended while starting (exit " + process.exitValue() + "); see "
                        + log().toAbsolutePath() + ":\n" + tail());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(name + " not ready after " + START_PATIENCE + "; see " + log().toAbsolutePath()
                        + ":\n" + tail());
            }
            sleepBriefly();
        }
    }

    void start() {
        launch();
        awaitReady();
    }

    /**
     * Kills the server as a power cut would: SIGKILL, no shutdown hook, no finished transaction.
     * {@link Process#destroyForcibly()} sends SIGKILL on Linux; the exit status 137 (128 + 9) proves it.
     *
     * @return the exit status
     */
    int kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError(name + " still runs 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        RUNNING.remove(process);
        return process.exitValue();
    }

    /** Stops the server as an operator would (SIGTERM), or kills it when it does not end within 30 s. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        RUNNING.remove(process);
    }

    /** The last lines of the log, for a failure message. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * The test's class path without target/test-classes: the server runs the main code and its resources only,
     * as in production, so that no test configuration (application-test.yml) or test class is picked up by the
     * server's component scan. The dependency jars stay (test-scoped ones among them): Maven hands the test JVM one
     * class path, and none of the test libraries configures anything in a server without a test context.
     */
    private static String serverClasspath() {
        String classpath = System.getProperty("java.class.path");
        List<String> entries = Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith(Path.of("target", "test-classes")))
                .collect(Collectors.toList());
        if (entries.stream().noneMatch(entry -> Path.of(entry).endsWith(Path.of("target", "classes")))) {
            throw new IllegalStateException("target/classes is not on the test class path: " + classpath);
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Polls until the condition holds; fails after {@code patience}, naming what it waited for and where the
     * servers' logs are.
     */
    static void awaitTrue(String what, Duration patience, Path logs, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(patience);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for %s; server logs in %s", what, logs.toAbsolutePath())
                    .isBefore(deadline);
            sleepBriefly();
        }
    }

    /** A pause between two polls of something the test waits for (bounded by the caller's deadline). */
    static void sleepBriefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
