package org.powerconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;

/**
 * Calls the HTTP API as a client would: with HTTP Basic (or without credentials when the user is {@code null}),
 * accepting JSON and problem details, and reading every answer as JSON. Unless a password is given, a user signs
 * in with {@link EngineTestSupport#TEST_PASSWORD}.
 */
public class ApiClient {

    private final TestRestTemplate rest;
    private final ObjectMapper json;

    public ApiClient(TestRestTemplate rest, ObjectMapper json) {
        this.rest = rest;
        this.json = json;
    }

    /** An answer: its status, its headers, its body read as JSON (empty object if none) and as text. */
    public record Reply(HttpStatus status, HttpHeaders headers, JsonNode body, String raw) {
    }

    public Reply get(String path, String user) {
        return get(URI.create(path), user);
    }

    /** GET of a ready-made (e.g. absolute and percent-encoded) address. */
    public Reply get(URI uri, String user) {
        return exchange(HttpMethod.GET, uri, user, EngineTestSupport.TEST_PASSWORD, null, null);
    }

    /** POST of a body written as JSON by the application's ObjectMapper. */
    public Reply post(String path, String user, Object body) {
        return post(path, user, EngineTestSupport.TEST_PASSWORD, body);
    }

    /** POST of a body written as JSON, signing in with the given password. */
    public Reply post(String path, String user, String password, Object body) {
        return exchange(HttpMethod.POST, URI.create(path), user, password, MediaType.APPLICATION_JSON, json(body));
    }

    /** POST of a body sent as it is, with the given content type. */
    public Reply postRaw(String path, String user, MediaType contentType, String body) {
        return exchange(HttpMethod.POST, URI.create(path), user, EngineTestSupport.TEST_PASSWORD, contentType, body);
    }

    /** POST of a body written as JSON, with extra headers. */
    public Reply post(String path, String user, Object body, HttpHeaders headers) {
        return exchange(HttpMethod.POST, URI.create(path), user, EngineTestSupport.TEST_PASSWORD,
                MediaType.APPLICATION_JSON, json(body), headers);
    }

    /** Any request; a {@code null} user sends no credentials, a {@code null} body or content type none. */
    public Reply exchange(HttpMethod method, URI uri, String user, String password, MediaType contentType,
            String body) {
        return exchange(method, uri, user, password, contentType, body, new HttpHeaders());
    }

    public Reply exchange(HttpMethod method, URI uri, String user, String password, MediaType contentType,
            String body, HttpHeaders headers) {
        TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, password);
        RequestEntity.BodyBuilder request = RequestEntity.method(method, uri).headers(headers)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        if (contentType != null) {
            request.contentType(contentType);
        }
        ResponseEntity<String> response = client.exchange(body == null ? request.build() : request.body(body),
                String.class);
        return new Reply(HttpStatus.valueOf(response.getStatusCode().value()), response.getHeaders(),
                parse(response.getBody()), response.getBody());
    }

    /** The body as the application's ObjectMapper writes it. */
    public String json(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the answer is not JSON: " + body, e);
        }
    }

    /** The fields named by a problem's {@code errors}, in order. */
    public static List<String> errorFields(Reply reply) {
        List<String> fields = new ArrayList<>();
        reply.body().path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    /** The answer is an application/problem+json problem with the given status, a title and a detail. */
    public static void assertIsProblem(Reply reply, int status) {
        assertThat(reply.headers().getContentType()).as("content type of %s", reply.raw()).isNotNull();
        assertThat(reply.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("content type %s is application/problem+json", reply.headers().getContentType()).isTrue();
        assertThat(reply.body().path("status").asInt()).isEqualTo(status);
        assertThat(reply.body().path("title").asText()).isNotBlank();
        assertThat(reply.body().path("detail").asText()).isNotBlank();
    }
}
