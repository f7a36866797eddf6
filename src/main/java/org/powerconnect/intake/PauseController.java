package org.powerconnect.intake;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
        PauseReason reason = PauseReason.valueOf(request.reason());
        Stage stage = request.stage() == null ? null : Stage.ofKey(request.stage()).filter(Stage::hasOwnLimit)
                .orElseThrow(() -> ApiProblem.invalid("stage", "must be a stage key with a time limit, e.g. supply-plan"));
        if (reason == PauseReason.STATUTORY_PUBLICITY) {
            if (stage != null && stage != Stage.PLANNING_PERMIT) {
                throw ApiProblem.invalid("stage", "must be planning-permit (or left out): the statutory publicity "
                        + "pauses the planning permit only");
            }
            stage = Stage.PLANNING_PERMIT;
        }
        Staff staff = Staff.of(authentication);
        Set<Department> departments = pausesAnything(staff) ? null : departmentsOf(staff);
        if (departments != null && (stage == null || stage == Stage.OVERALL)) {
            throw ApiProblem.forbidden(staff.userId() + " may pause only its own department's stage: name it in "
                    + "'stage'; the service window pauses the whole application");
        }
        Stage asked = stage;
        if (departments != null && clocks.clocksOf(applicationNo).stream().noneMatch(running -> running.isRunning()
                && running.stage() == asked && departments.contains(running.department()))) {
            throw ApiProblem.forbidden(staff.userId() + " has no running " + stage + " clock in application "
                    + applicationNo + " to pause");
        }
        try {
            SlaPause pause = pauses.start(application.applicationNo(), reason, stage, departments,
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
        SlaPause pause = pause(applicationNo, pauseId);
        Staff staff = Staff.of(authentication);
        boolean ownPause = pause.clocks().stream().filter(held -> held.stage() != Stage.OVERALL)
                .allMatch(held -> staff.belongsTo(held.department()));
        if (!pausesAnything(staff) && !ownPause) {
            throw ApiProblem.forbidden(staff.userId() + " may end only pauses of its own department's clocks");
        }
        try {
            return PauseView.of(pauses.end(applicationNo, pauseId, staff.userId(), clock.instant()).orElseThrow());
        } catch (PauseConflictException e) {
            throw ApiProblem.conflict(e.getMessage());
        }
    }

    @GetMapping("/{pauseId}")
    PauseView find(@PathVariable String applicationNo, @PathVariable long pauseId) {
        return PauseView.of(pause(applicationNo, pauseId));
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

    private SlaPause pause(String applicationNo, long pauseId) {
        return pauses.find(applicationNo, pauseId)
                .orElseThrow(() -> ApiProblem.notFound("application " + applicationNo + " has no pause " + pauseId));
    }

    /** The service window (and an administrator) pause any clock; a department pauses its own stage's clocks. */
    private static boolean pausesAnything(Staff staff) {
        return staff.belongsTo(Department.GRID_SERVICE_WINDOW) || staff.isAdmin();
    }

    private static Set<Department> departmentsOf(Staff staff) {
        return Arrays.stream(Department.values()).filter(staff::belongsTo)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Department.class)));
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
