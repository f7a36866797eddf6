package org.powerconnect.web;

/** One invalid request field and the rule it broke. */
public record FieldProblem(String field, String message) {
}
