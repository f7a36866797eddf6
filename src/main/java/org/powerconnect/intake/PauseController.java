package org.powerconnect.intake;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.powerconnect.connection.Department;
import org.powerconnect.connection.Stage;
import org.powerconnect.sla.PauseConflictException;
import org.powerconnect.sla.PauseReason;
import org.powerconnect.sla.SlaPause;
import org.powerconnect.sla.SlaClocks;
import org.powerconnect.sla.SlaPauses;
import org.powerconnect.web.ApiProblem;
import org.powerconnect.web.OneOf;
import org.powerconnect.web.Staff;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff pause an application's clocks while it waits on the applicant (or on the planning permit's statutory
 * publicity), and end the pause when the wait is over; the due dates then move by the working days paused.
 */
@RestController
@RequestMapping(path = "/api/applications/{applicationNo}/pauses", produces = MediaType.APPLICATION_JSON_VALUE)
class PauseController {

    private final Applications applications;
    private final SlaPauses pauses;
    private final SlaClocks clocks;
    private final Clock clock;

    PauseController(Applications applications, SlaPauses pauses, SlaClocks clocks, Clock clock) {
        this.applications = applications;
        this.pauses = pauses;
        this.clocks = clocks;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<PauseView> start(@PathVariable String applicationNo, @Valid @RequestBody StartPause request,
            Authentication authentication) {
        Application application = inProgress(applicationNo);
        Stage stage = request.stage() == null ? null : Stage.ofKey(request.stage()).filter(s -> s != Stage.POWER_ON)
                .orElseThrow(() -> ApiProblem.invalid("stage", "must be a stage key with a time limit, e.g. supply-plan"));
        Staff staff = Staff.of(authentication);
        if (!mayPause(staff, applicationNo, stage)) {
            throw ApiProblem.forbidden(staff.userId() + " may not pause " + (stage == null ? "the application's clocks"
                    : "the " + stage + " clock") + ": the service window, or the department of that stage, may");
        }
        try {
            SlaPause pause = pauses.start(application.applicationNo(), PauseReason.valueOf(request.reason()), stage,
                    request.comment().strip(), staff.userId(), clock.instant());
            return ResponseEntity.created(URI.create("/api/applications/" + applicationNo + "/pauses/" + pause.id()))
                    .body(PauseView.of(pause));
        } catch (PauseConflictException e) {
            throw ApiProblem.conflict(e.getMessage());
        }
    }

    @PostMapping("/{pauseId}/end")
    PauseView end(@PathVariable String applicationNo, @PathVariable long pauseId, Authentication authentication) {
        inProgress(applicationNo);
        Staff staff = Staff.of(authentication);
        SlaPause pause = pauses.find(applicationNo, pauseId)
                .orElseThrow(() -> ApiProblem.notFound("application " + applicationNo + " has no pause " + pauseId));
        boolean ownStage = pause.clocks().stream().anyMatch(held -> staff.belongsTo(held.department()));
        if (!staff.belongsTo(Department.GRID_SERVICE_WINDOW) && !staff.isAdmin() && !ownStage) {
            throw ApiProblem.forbidden(staff.userId() + " may not end pause " + pauseId);
        }
        try {
            return PauseView.of(pauses.end(applicationNo, pauseId, staff.userId(), clock.instant()).orElseThrow());
        } catch (PauseConflictException e) {
            throw ApiProblem.conflict(e.getMessage());
        }
    }

    @GetMapping
    List<PauseView> list(@PathVariable String applicationNo) {
        applications.find(applicationNo).orElseThrow(() -> ApiProblem.notFound("no application " + applicationNo));
        return pauses.of(applicationNo).stream().map(PauseView::of).toList();
    }

    private Application inProgress(String applicationNo) {
        Application application = applications.find(applicationNo)
                .orElseThrow(() -> ApiProblem.notFound("no application " + applicationNo));
        if (application.status() != ApplicationStatus.IN_PROGRESS) {
            throw ApiProblem.conflict("application " + applicationNo + " is " + application.status()
                    + "; its clocks have stopped");
        }
        return application;
    }

    /** The service window pauses anything; a department pauses its own stage (papers missing at its formal acceptance). */
    private boolean mayPause(Staff staff, String applicationNo, Stage stage) {
        if (staff.belongsTo(Department.GRID_SERVICE_WINDOW) || staff.isAdmin()) {
            return true;
        }
        return stage != null && stage != Stage.OVERALL && clocks.clocksOf(applicationNo).stream()
                .anyMatch(clock -> clock.isRunning() && clock.stage() == stage && staff.belongsTo(clock.department()));
    }

    /** The body of a new pause; {@code stage} is optional: without it, every running clock pauses. */
    record StartPause(@NotNull @OneOf(PauseReason.class) String reason, @NotBlank @Size(max = 2000) String comment,
            String stage) {
    }

    record PauseView(long id, PauseReason reason, String comment, String startedBy, Instant startedAt, String endedBy,
            Instant endedAt, boolean running, List<HeldClockView> clocks) {
        static PauseView of(SlaPause pause) {
            return new PauseView(pause.id(), pause.reason(), pause.comment(), pause.startedBy(), pause.startedAt(),
                    pause.endedBy(), pause.endedAt(), pause.isRunning(), pause.clocks().stream()
                            .map(held -> new HeldClockView(held.stage().key(), held.department().key(), held.workingDays()))
                            .toList());
        }
    }

    /** @param movedByWorkingDays how far the pause moved the clock's due date; null while it runs */
    record HeldClockView(String stage, String department, Integer movedByWorkingDays) {
    }
}
