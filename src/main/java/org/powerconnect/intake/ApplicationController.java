package org.powerconnect.intake;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import org.powerconnect.connection.Department;
import org.powerconnect.permits.PermitDecisions;
import org.powerconnect.sla.SlaClocks;
import org.powerconnect.sla.SlaPauses;
import org.powerconnect.supplyplan.SupplyPlans;
import org.powerconnect.web.ApiProblem;
import org.powerconnect.web.Staff;
import org.powerconnect.worklist.StageTask;
import org.powerconnect.worklist.Worklist;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The service window's API: submit an application, and look one up with its tasks and clocks. */
@RestController
@RequestMapping(path = "/api/applications", produces = MediaType.APPLICATION_JSON_VALUE)
class ApplicationController {

    private final Applications applications;
    private final SupplyPlans supplyPlans;
    private final Worklist worklist;
    private final SlaClocks clocks;
    private final PermitDecisions permitDecisions;
    private final SlaPauses pauses;
    private final IdempotentSubmissions idempotentSubmissions;
    private final ObjectMapper json;

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    ApplicationController(Applications applications, SupplyPlans supplyPlans, Worklist worklist, SlaClocks clocks,
            PermitDecisions permitDecisions, SlaPauses pauses, IdempotentSubmissions idempotentSubmissions,
            ObjectMapper json) {
        this.applications = applications;
        this.supplyPlans = supplyPlans;
        this.worklist = worklist;
        this.clocks = clocks;
        this.permitDecisions = permitDecisions;
        this.pauses = pauses;
        this.idempotentSubmissions = idempotentSubmissions;
        this.json = json;
    }

    /**
     * With an {@code Idempotency-Key} header (1 to 100 printable ASCII characters, e.g. a UUID), a retried
     * submission gets the first answer again, marked {@code Idempotent-Replayed: true}, and creates nothing.
     */
    @PostMapping
    ResponseEntity<Submitted> submit(@Valid @RequestBody SubmitApplicationRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            Authentication authentication) {
        Staff staff = Staff.of(authentication);
        if (!staff.belongsTo(Department.GRID_SERVICE_WINDOW) && !staff.isAdmin()) {
            throw ApiProblem.forbidden("applications are received by the grid service window; "
                    + staff.userId() + " is not a member of grid-service-window");
        }
        Application application;
        boolean replayed = false;
        if (idempotencyKey == null) {
            application = applications.submit(request.toNewApplication(), staff.userId());
        } else {
            if (!idempotencyKey.matches("[\\x21-\\x7E]{1,100}")) {
                throw ApiProblem.invalid(IDEMPOTENCY_KEY, "must be 1 to 100 printable ASCII characters without spaces, e.g. a UUID");
            }
            IdempotentSubmissions.Outcome outcome;
            try {
                outcome = idempotentSubmissions.submitOnce(staff.userId(), idempotencyKey, json.writeValueAsString(request),
                        () -> applications.submit(request.toNewApplication(), staff.userId()));
            } catch (IdempotentSubmissions.KeyReusedException e) {
                throw ApiProblem.unprocessable(IDEMPOTENCY_KEY, e.getMessage());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            application = outcome.application();
            replayed = outcome.replayed();
        }
        return ResponseEntity.created(URI.create("/api/applications/" + application.applicationNo()))
                .header("Idempotent-Replayed", Boolean.toString(replayed))
                .body(new Submitted(application.applicationNo(), application.status(), application.submittedAt(),
                        application.accessCode(), worklist.openTasksOf(application.applicationNo())));
    }

    @GetMapping("/{applicationNo}")
    ApplicationView find(@PathVariable String applicationNo) {
        Application application = applications.find(applicationNo)
                .orElseThrow(() -> ApiProblem.notFound("no application " + applicationNo));
        return ApplicationView.of(application, supplyPlans.find(applicationNo).orElse(null),
                worklist.openTasksOf(applicationNo), clocks.clocksOf(applicationNo), pauses.of(applicationNo),
                permitDecisions.of(applicationNo));
    }

    /**
     * Only the application's open tasks, for a client that follows its work (the view reads every clock, pause
     * and decision as well).
     */
    @GetMapping("/{applicationNo}/tasks")
    List<StageTask> openTasks(@PathVariable String applicationNo) {
        if (applications.find(applicationNo).isEmpty()) {
            throw ApiProblem.notFound("no application " + applicationNo);
        }
        return worklist.openTasksOf(applicationNo);
    }

    /**
     * @param accessCode for the applicant: it opens the public progress page of this application
     * @param openTasks the work waiting now (the acceptance), so the window can go on without asking again
     */
    record Submitted(String applicationNo, ApplicationStatus status, Instant submittedAt, String accessCode,
            List<StageTask> openTasks) {
    }
}
