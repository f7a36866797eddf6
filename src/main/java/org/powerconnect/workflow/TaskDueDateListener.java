package org.powerconnect.workflow;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.powerconnect.connection.Stage;
import org.powerconnect.sla.SlaClocks;
import org.springframework.stereotype.Component;

/**
 * Gives every task its clock's due date, so Tasklist and the API show the same instant as the timer.
 * A stage without a limit of its own (power-on) is due when the whole application is.
 */
@Component
class TaskDueDateListener implements TaskListener {

    private final StageClockBinding binding;
    private final SlaClocks clocks;

    TaskDueDateListener(StageClockBinding binding, SlaClocks clocks) {
        this.binding = binding;
        this.clocks = clocks;
    }

    @Override
    public void notify(DelegateTask task) {
        binding.startOrGet(task.getExecution())
                .or(() -> clocks.running(task.getExecution().getProcessBusinessKey(), Stage.OVERALL))
                .ifPresent(clock -> task.setDueDate(Date.from(clock.dueAt())));
    }
}
