package org.powerconnect.worklist;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.powerconnect.connection.Department;
import org.powerconnect.supplyplan.InvalidSupplyPlanException;
import org.powerconnect.web.ApiProblem;
import org.powerconnect.web.Staff;
import org.springframework.security.core.Authentication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The departments' worklists: list open tasks and complete them with the stage's outcome. */
@RestController
@RequestMapping(path = "/api/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
class TaskController {

    private final Worklist worklist;
    private final Clock clock;

    TaskController(Worklist worklist, Clock clock) {
        this.worklist = worklist;
        this.clock = clock;
    }

    @GetMapping
    List<StageTask> openTasks(@RequestParam String department,
            @RequestParam(defaultValue = "0") @Min(0) int firstResult,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int maxResults,
            Authentication authentication) {
        Department dept = Department.ofKey(department).orElseThrow(() -> ApiProblem.invalid("department",
                "must be one of " + Arrays.stream(Department.values()).map(Department::key).toList()));
        if (!Staff.of(authentication).maySee(dept)) {
            throw ApiProblem.forbidden(authentication.getName() + " is not a member of " + dept.key());
        }
        return worklist.openTasksFor(dept, firstResult, maxResults);
    }

    @PostMapping("/{taskId}/complete")
    CompletedTask complete(@PathVariable String taskId, @RequestBody(required = false) Map<String, Object> body,
            Authentication authentication) {
        StageTask task = worklist.openTask(taskId).orElseThrow(() -> worklist.wasCompleted(taskId)
                ? ApiProblem.conflict("task " + taskId + " is already completed")
                : ApiProblem.notFound("no task " + taskId));
        Staff staff = Staff.of(authentication);
        if (!staff.belongsTo(task.department())) {
            throw ApiProblem.forbidden("task " + taskId + " belongs to " + task.department().key() + "; "
                    + staff.userId() + " is not a member of it");
        }
        StageOutcome outcome = StageOutcomeReader.read(task.stage(), body);
        try {
            worklist.complete(task, outcome, staff.userId(), staff.groups());
        } catch (InvalidSupplyPlanException e) {
            throw ApiProblem.invalid(e.field(), e.getMessage());
        } catch (Worklist.TaskNoLongerOpenException e) {
            throw ApiProblem.conflict(e.getMessage());
        }
        return new CompletedTask(task.taskId(), task.applicationNo(), task.stage().key(), staff.userId(),
                clock.instant(), worklist.openTasksOf(task.applicationNo()));
    }

    /**
     * @param openTasks the application's open tasks once this completion committed: the work it handed on at
     *     once (after acceptance, the survey opinions and the supply plan). Work behind a join appears a moment
     *     later, when the job executor has passed the join; {@code GET /api/applications/{no}/tasks} shows it.
     */
    record CompletedTask(String taskId, String applicationNo, String stage, String completedBy, Instant completedAt,
            List<StageTask> openTasks) {
    }
}
