package org.powerconnect.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The staff working applications through the HTTP API: the service window submits (each form with an
 * Idempotency-Key, so that a submission whose answer was lost can be sent again), and each department completes
 * its open tasks with the outcome its stage needs. Low-voltage applications, so that they reach power-on in a
 * few steps: every other one without external line, the rest with one permit and construction.
 */
final class Clerks {

    static final String SERVICE_WINDOW = "grid-service-window";
    static final String SUPERVISOR = "supervisor";

    private Clerks() {
    }

    /** A filled-in form: the body and the key the service window sends with it. */
    record Submission(String idempotencyKey, Map<String, Object> body) {
    }

    static Submission newSubmission(int number) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("applicantName", "Cluster Test Co. " + number);
        body.put("contactPhone", "0515-88886666");
        body.put("address", number + " Century Avenue, Yancheng");
        body.put("voltageClass", "LOW_VOLTAGE");
        body.put("capacityKva", 30 + number % 100);
        body.put("kind", "NEW_CONNECTION");
        body.put("customerType", "NON_RESIDENTIAL");
        return new Submission(UUID.randomUUID().toString(), body);
    }

    static NodeApi.Reply submit(NodeApi api, Submission submission) {
        return api.post("/api/applications", SERVICE_WINDOW, submission.body(), "Idempotency-Key",
                submission.idempotencyKey());
    }

    static JsonNode view(NodeApi api, String applicationNo) {
        NodeApi.Reply view = api.get("/api/applications/" + applicationNo, SUPERVISOR);
        if (view.status() != 200) {
            throw new AssertionError("application " + applicationNo + " answers " + view);
        }
        return view.body();
    }

    /**
     * Completes the first open task of the application as a member of its department.
     *
     * @return the completed task's stage; empty when no task is open (a join on the job executor is pending, or
     *         the application is powered on)
     */
    static Optional<String> completeOneTask(NodeApi api, String applicationNo) {
        JsonNode tasks = view(api, applicationNo).path("openTasks");
        if (tasks.isEmpty()) {
            return Optional.empty();
        }
        JsonNode task = tasks.get(0);
        String stage = task.path("stage").asText();
        NodeApi.Reply done = api.post("/api/tasks/" + task.path("taskId").asText() + "/complete",
                task.path("department").asText(), outcome(stage, applicationNo));
        if (done.status() != 200) {
            throw new AssertionError(stage + " of " + applicationNo + " not completed: " + done);
        }
        return Optional.of(stage);
    }

    /** Works the application until it is powered on, for at most the given time. */
    static void driveToPowerOn(NodeApi api, String applicationNo, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (!"POWERED_ON".equals(view(api, applicationNo).path("status").asText())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(applicationNo + " not powered on within " + patience + ": "
                        + view(api, applicationNo));
            }
            if (completeOneTask(api, applicationNo).isEmpty()) {
                ServerProcess.sleepBriefly(); // the job executor has a join to run first
            }
        }
    }

    private static Map<String, Object> outcome(String stage, String applicationNo) {
        return switch (stage) {
            case "supply-plan" -> applicationNo.hashCode() % 2 == 0
                    ? Map.of("externalLineWork", "NONE", "requiredPermits", List.of())
                    : Map.of("externalLineWork", "WITHOUT_EXCAVATION", "requiredPermits", List.of("urban-occupancy-permit"));
            case "planning-permit", "excavation-permit", "road-occupancy-permit", "river-occupancy-permit",
                    "urban-occupancy-permit", "greening-permit" -> Map.of("decision", "APPROVED");
            default -> Map.of("comment", "done by the cluster test");
        };
    }
}
