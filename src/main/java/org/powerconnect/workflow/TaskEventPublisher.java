package org.powerconnect.workflow;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.powerconnect.worklist.StageTask;
import org.powerconnect.worklist.TaskAssigned;
import org.powerconnect.worklist.TaskCompleted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells the rest of the application, in the engine's transaction, that a stage task landed with its department
 * or was completed, however it was completed (our API or Tasklist). Runs after the due-date listener, so the
 * task it describes carries its due date.
 */
@Component
class TaskEventPublisher implements TaskListener {

    private final ApplicationEventPublisher events;

    TaskEventPublisher(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void notify(DelegateTask task) {
        StageDefinition stage = StageDefinition.of(task.getBpmnModelElementInstance());
        StageTask stageTask = new StageTask(task.getId(), task.getExecution().getProcessBusinessKey(), stage.stage(),
                stage.department(), task.getName(), instant(task.getCreateTime()), instant(task.getDueDate()));
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            events.publishEvent(new TaskAssigned(stageTask));
        } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            events.publishEvent(new TaskCompleted(stageTask, StageClockBinding.now()));
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
