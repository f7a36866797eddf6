package org.powerconnect.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.powerconnect.EngineTestSupport;
import org.powerconnect.connection.Department;

/**
 * The HTTP API of one server process, as a client calls it: HTTP Basic, JSON. A server that is gone (killed)
 * shows as an {@link UncheckedIOException}, the way a client sees it: no answer.
 */
final class NodeApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerProcess server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    NodeApi(ServerProcess server) {
        this.server = server;
    }

    ServerProcess server() {
        return server;
    }

    record Reply(int status, Map<String, List<String>> headers, JsonNode body) {
        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream()).findFirst();
        }
    }

    Reply get(String path, String user) {
        return send(request(path, user).GET());
    }

    Reply post(String path, String user, Object body, String... headers) {
        HttpRequest.Builder request = request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body)));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    Reply put(String path, String user, Object body) {
        return send(request(path, user).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    /** The text of /actuator/prometheus (no login). */
    String metrics() {
        try {
            return http.send(HttpRequest.newBuilder(server.uri("/actuator/prometheus")).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A counter's value summed over its series, e.g. {@code powerconnect_jobs_executed_total}. */
    double counter(String metric) {
        return metrics().lines().filter(line -> line.startsWith(metric + " ") || line.startsWith(metric + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /**
     * One user per department, named after it, with the test password, created through Camunda's REST API as the
     * administrator: the postgres profile has no demo users, and the groups exist from the first start.
     */
    void createDepartmentUsers() {
        for (Department department : Department.values()) {
            Reply created = post("/engine-rest/user/create", ServerProcess.ADMIN, Map.of(
                    "profile", Map.of("id", department.key(), "firstName", "Test", "lastName", department.key()),
                    "credentials", Map.of("password", EngineTestSupport.TEST_PASSWORD)));
            if (created.status() != 204) {
                throw new AssertionError("user " + department.key() + " not created: " + created);
            }
            Reply member = put("/engine-rest/group/" + department.key() + "/members/" + department.key(),
                    ServerProcess.ADMIN, Map.of());
            if (member.status() != 204) {
                throw new AssertionError("user " + department.key() + " not in its group: " + member);
            }
        }
    }

    private HttpRequest.Builder request(String path, String user) {
        String password = ServerProcess.ADMIN.equals(user) ? ServerProcess.ADMIN_PASSWORD : EngineTestSupport.TEST_PASSWORD;
        return HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(server.name() + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode().put("unparsed", body);
        }
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
