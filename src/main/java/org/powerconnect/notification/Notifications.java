package org.powerconnect.notification;

import java.util.Optional;

import org.powerconnect.connection.Stage;
import org.powerconnect.intake.Application;
import org.powerconnect.intake.ApplicationFinished;
import org.powerconnect.intake.ApplicationStatus;
import org.powerconnect.intake.Applications;
import org.powerconnect.sla.SlaBreachRecorded;
import org.powerconnect.sla.SlaClock;
import org.powerconnect.sla.SlaWarningRecorded;
import org.powerconnect.supplyplan.PermitKeys;
import org.powerconnect.supplyplan.SupplyPlan;
import org.powerconnect.supplyplan.SupplyPlanDecided;
import org.powerconnect.worklist.StageTask;
import org.powerconnect.worklist.TaskAssigned;
import org.powerconnect.worklist.TaskCompleted;
import org.powerconnect.worklist.Worklist;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns what happens to an application into mails owed, in the transaction in which it happens: a task that
 * lands, a warning, a breach, an accepted application, a supply plan, power on. Nothing is sent here; each mail
 * is queued once per event (its event key) and delivered by its own job.
 */
@Component
class Notifications {

    private final MailOutbox outbox;
    private final MailJobs jobs;
    private final Applications applications;
    private final Worklist worklist;

    Notifications(MailOutbox outbox, MailJobs jobs, Applications applications, Worklist worklist) {
        this.outbox = outbox;
        this.jobs = jobs;
        this.applications = applications;
        this.worklist = worklist;
    }

    @EventListener
    void on(TaskAssigned event) {
        StageTask task = event.task();
        queue(new OutboxMail.New("task-assigned:" + task.taskId(), NotificationKind.TASK_ASSIGNED, task.applicationNo(),
                task.stage(), task.department(), task.taskId(), task.name(), task.dueAt(), null, task.createdAt()));
    }

    @EventListener
    void on(SlaWarningRecorded event) {
        SlaClock clock = event.clock();
        Optional<StageTask> task = openTaskOf(clock);
        queue(new OutboxMail.New("sla-warning:" + clock.id(), NotificationKind.SLA_WARNING, clock.applicationNo(),
                clock.stage(), clock.department(), task.map(StageTask::taskId).orElse(null),
                task.map(StageTask::name).orElse(null), clock.dueAt(), null, event.recordedAt()));
    }

    @EventListener
    void on(SlaBreachRecorded event) {
        SlaClock clock = event.clock();
        Optional<StageTask> task = openTaskOf(clock);
        NotificationKind kind = clock.stage() == Stage.OVERALL ? NotificationKind.OVERALL_BREACH : NotificationKind.SLA_BREACH;
        queue(new OutboxMail.New("sla-breach:" + clock.id(), kind, clock.applicationNo(), clock.stage(),
                clock.department(), task.map(StageTask::taskId).orElse(null), task.map(StageTask::name).orElse(null),
                clock.dueAt(), null, event.firedAt()));
    }

    @EventListener
    void on(TaskCompleted event) {
        StageTask task = event.task();
        if (task.stage() == Stage.ACCEPTANCE) {
            queueForApplicant(new OutboxMail.New("application-accepted:" + task.applicationNo(),
                    NotificationKind.APPLICATION_ACCEPTED, task.applicationNo(), null, null, null, null, null, null,
                    event.completedAt()));
        }
    }

    /** A plan and each revision of it are news to the applicant. */
    @EventListener
    void on(SupplyPlanDecided event) {
        SupplyPlan plan = event.plan();
        queueForApplicant(new OutboxMail.New("supply-plan-ready:" + plan.applicationNo() + ":" + plan.revision(),
                NotificationKind.SUPPLY_PLAN_READY, plan.applicationNo(), Stage.SUPPLY_PLAN, null, null, null, null,
                plan.externalLineWork().name() + ";" + PermitKeys.join(plan.requiredPermits()), plan.decidedAt()));
    }

    @EventListener
    void on(ApplicationFinished event) {
        if (event.status() == ApplicationStatus.POWERED_ON) {
            queueForApplicant(new OutboxMail.New("power-on:" + event.applicationNo(), NotificationKind.POWER_ON,
                    event.applicationNo(), Stage.POWER_ON, null, null, null, null, null, event.at()));
        }
    }

    /** Applicants hear only when they gave an address. */
    private void queueForApplicant(OutboxMail.New mail) {
        applications.find(mail.applicationNo()).map(Application::email).ifPresent(email -> queue(mail));
    }

    private void queue(OutboxMail.New mail) {
        outbox.queue(mail).ifPresent(jobs::schedule);
    }

    /** The task a warning or breach is about, so the mail can link to it; overall clocks have none. */
    private Optional<StageTask> openTaskOf(SlaClock clock) {
        if (clock.stage() == Stage.OVERALL) {
            return Optional.empty();
        }
        return worklist.openTasksOf(clock.applicationNo()).stream()
                .filter(task -> task.stage() == clock.stage() && task.department() == clock.department())
                .findFirst();
    }
}
