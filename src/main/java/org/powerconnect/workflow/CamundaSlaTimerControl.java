package org.powerconnect.workflow;

import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.powerconnect.connection.Stage;
import org.powerconnect.sla.SlaClock;
import org.powerconnect.sla.SlaTimerControl;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * A clock's timer is the timer job of the boundary event on the clock's activity: a pause suspends it, and a
 * new due time moves it (and activates it again), together with the due date of the activity's task. The
 * overall clock's due date is also the power-on task's, which has no limit of its own.
 */
@Component
class CamundaSlaTimerControl implements SlaTimerControl {

    private final RuntimeService runtime;
    private final ManagementService management;
    private final RepositoryService repository;
    private final TaskService tasks;
    private final StageDefinitions stages;

    /**
     * Lazy: the engine's listeners need the SLA clocks, which need this, before the engine (and its services)
     * exist; the services are first used long after start-up.
     */
    @Lazy
    CamundaSlaTimerControl(RuntimeService runtime, ManagementService management, RepositoryService repository,
            TaskService tasks, StageDefinitions stages) {
        this.runtime = runtime;
        this.management = management;
        this.repository = repository;
        this.tasks = tasks;
        this.stages = stages;
    }

    @Override
    public void hold(SlaClock clock) {
        asEngine(() -> holdTimer(clock));
    }

    @Override
    public void moveTo(SlaClock clock) {
        asEngine(() -> moveTimer(clock));
    }

    /**
     * Timers and due dates follow the clocks for whoever's act moved them (a bureau completing a task may end a
     * pause): the engine's bookkeeping, not checked against that user's authorizations.
     */
    private static void asEngine(Runnable edit) {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            edit.run();
        } else {
            command.runWithoutAuthorization(() -> {
                edit.run();
                return null;
            });
        }
    }

    private void holdTimer(SlaClock clock) {
        ProcessInstance instance = instanceOf(clock);
        Job timer = timerOf(clock, instance);
        if (timer != null && !timer.isSuspended()) {
            management.suspendJobById(timer.getId());
        }
    }

    private void moveTimer(SlaClock clock) {
        ProcessInstance instance = instanceOf(clock);
        if (instance == null) {
            return;
        }
        Job timer = timerOf(clock, instance);
        CommandContext command = Context.getCommandContext();
        if (timer != null && command != null) {
            // called from a listener inside an engine command (a task completing ends a pause): change the job in
            // that command, since a nested service call would update it a second time and fail on its revision
            JobEntity job = command.getJobManager().findJobById(timer.getId());
            job.setDuedate(Date.from(clock.dueAt()));
            if (job.isSuspended()) {
                job.setSuspensionState(SuspensionState.ACTIVE.getStateCode());
            }
        } else if (timer != null) {
            management.setJobDuedate(timer.getId(), Date.from(clock.dueAt()));
            if (timer.isSuspended()) {
                management.activateJobById(timer.getId());
            }
        }
        for (Task task : tasks.createTaskQuery().processInstanceId(instance.getId()).list()) {
            boolean ownTask = task.getTaskDefinitionKey().equals(clock.activity());
            boolean coveredByOverall = clock.stage() == Stage.OVERALL
                    && stages.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey()).stage() == Stage.POWER_ON;
            if (ownTask || coveredByOverall) {
                task.setDueDate(Date.from(clock.dueAt()));
                tasks.saveTask(task);
            }
        }
    }

    private ProcessInstance instanceOf(SlaClock clock) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(clock.applicationNo())
                .processDefinitionKey(ConnectionProcess.PROCESS_ID).singleResult();
    }

    private Job timerOf(SlaClock clock, ProcessInstance instance) {
        if (instance == null) {
            return null;
        }
        String timerEvent = repository.getBpmnModelInstance(instance.getProcessDefinitionId())
                .getModelElementsByType(BoundaryEvent.class).stream()
                .filter(event -> event.getAttachedTo().getId().equals(clock.activity()))
                .filter(event -> !event.getChildElementsByType(TimerEventDefinition.class).isEmpty())
                .map(BoundaryEvent::getId).findFirst().orElse(null);
        if (timerEvent == null) {
            return null;
        }
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(timerEvent).timers()
                .singleResult();
    }
}
