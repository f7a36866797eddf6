package org.powerconnect.intake;

import java.time.Instant;
import java.util.List;

import org.powerconnect.connection.ApplicationKind;
import org.powerconnect.connection.CustomerType;
import org.powerconnect.connection.ExternalLineWork;
import org.powerconnect.connection.Language;
import org.powerconnect.connection.VoltageClass;
import org.powerconnect.permits.PermitDecision;
import org.powerconnect.sla.SlaClock;
import org.powerconnect.sla.SlaPause;
import org.powerconnect.supplyplan.SupplyPlan;
import org.powerconnect.worklist.StageTask;

/** An application as staff see it: its data, supply plan, open tasks and SLA clocks. */
record ApplicationView(
        String applicationNo,
        ApplicationStatus status,
        String applicantName,
        String contactPhone,
        String address,
        String email,
        Language language,
        String accessCode,
        VoltageClass voltageClass,
        int capacityKva,
        ApplicationKind kind,
        CustomerType customerType,
        Instant submittedAt,
        Instant finishedAt,
        ExternalLineWork externalLineWork,
        SupplyPlanView supplyPlan,
        List<TaskView> openTasks,
        List<ClockView> slaClocks,
        List<PauseController.PauseView> runningPauses,
        List<PermitDecisionView> permitDecisions) {

    static ApplicationView of(Application application, SupplyPlan plan, List<StageTask> tasks, List<SlaClock> clocks,
            List<SlaPause> pauses, List<PermitDecision> decisions) {
        return new ApplicationView(application.applicationNo(), application.status(), application.applicantName(),
                application.contactPhone(), application.address(), application.email(), application.language(),
                application.accessCode(),
                application.voltageClass(),
                application.capacityKva(), application.kind(), application.customerType(), application.submittedAt(),
                application.finishedAt(), plan == null ? null : plan.externalLineWork(),
                plan == null ? null : SupplyPlanView.of(plan),
                tasks.stream().map(TaskView::of).toList(),
                clocks.stream().map(ClockView::of).toList(),
                pauses.stream().filter(SlaPause::isRunning).map(PauseController.PauseView::of).toList(),
                decisions.stream().map(PermitDecisionView::of).toList());
    }

    record SupplyPlanView(String typicalPlan, String description, ExternalLineWork proposedExternalLineWork,
            List<String> proposedPermits, ExternalLineWork externalLineWork, List<String> requiredPermits,
            String decidedBy, Instant decidedAt, int revision) {
        static SupplyPlanView of(SupplyPlan plan) {
            return new SupplyPlanView(plan.typicalPlan(), plan.description(), plan.proposedExternalLineWork(),
                    plan.proposedPermits().stream().map(Object::toString).toList(), plan.externalLineWork(),
                    plan.requiredPermits() == null ? null : plan.requiredPermits().stream().map(Object::toString).toList(),
                    plan.decidedBy(),
                    plan.decidedAt(), plan.revision());
        }
    }

    record TaskView(String taskId, String stage, String department, String name, Instant createdAt, Instant dueAt) {
        static TaskView of(StageTask task) {
            return new TaskView(task.taskId(), task.stage().key(), task.department().key(), task.name(),
                    task.createdAt(), task.dueAt());
        }
    }

    /** @param dueAt the current due time: {@code originalDueAt} moved by {@code pausedWorkingDays} and re-based limits */
    record ClockView(String stage, String department, Instant startedAt, int limitWorkingDays, String limitBasis,
            Instant originalDueAt, int pausedWorkingDays, Instant dueAt, Instant completedAt, String outcome,
            boolean breached, Instant breachedAt, boolean provisional) {
        static ClockView of(SlaClock clock) {
            return new ClockView(clock.stage().key(), clock.department().key(), clock.startedAt(),
                    clock.limitWorkingDays(), clock.limitBasis(), clock.originalDueAt(), clock.pausedWorkingDays(),
                    clock.dueAt(), clock.completedAt(), clock.outcome().name(), clock.isBreached(), clock.breachedAt(),
                    clock.provisional());
        }
    }

    record PermitDecisionView(String permit, PermitDecision.Decision decision, String comment, String decidedBy,
            Instant decidedAt) {
        static PermitDecisionView of(PermitDecision decision) {
            return new PermitDecisionView(decision.permit().key(), decision.decision(), decision.comment(),
                    decision.decidedBy(), decision.decidedAt());
        }
    }
}
