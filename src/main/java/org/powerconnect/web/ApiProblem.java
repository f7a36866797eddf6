package org.powerconnect.web;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An error answer of the API, rendered as {@code application/problem+json}. */
public class ApiProblem extends ErrorResponseException {

    public static final String TYPE_BASE = "https://powerconnect.example/problems/";

    private ApiProblem(HttpStatus status, String type, String title, String detail) {
        super(status, problem(status, type, title, detail), null);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "conflict", "Conflict", detail);
    }

    public static ApiProblem payloadTooLarge(String detail) {
        return new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Payload too large", detail);
    }

    /** Too many attempts from one client; {@code retryAfterSeconds} goes to the Retry-After header. */
    public static ApiProblem tooManyRequests(String detail, long retryAfterSeconds) {
        ApiProblem problem = new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests", detail);
        problem.getHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
        return problem;
    }

    /** A well-formed request that cannot be carried out as sent (422), naming the field or header at fault. */
    public static ApiProblem unprocessable(String field, String message) {
        ApiProblem problem = new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "unprocessable", "Unprocessable request",
                field + ": " + message);
        problem.getBody().setProperty("errors", List.of(new FieldProblem(field, message)));
        return problem;
    }

    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new FieldProblem(field, message)));
    }

    public static ApiProblem invalid(List<FieldProblem> problems) {
        ApiProblem problem = new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                describe(problems));
        problem.getBody().setProperty("errors", problems);
        return problem;
    }

    static String describe(List<FieldProblem> problems) {
        return problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; "));
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + type));
        body.setTitle(title);
        return body;
    }
}
