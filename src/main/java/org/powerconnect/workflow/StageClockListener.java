package org.powerconnect.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Starts a stage's clock when the stage starts and stops it when the stage ends or is cancelled. */
@Component
class StageClockListener implements ExecutionListener {

    private final StageClockBinding binding;

    StageClockListener(StageClockBinding binding) {
        this.binding = binding;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (EVENTNAME_START.equals(execution.getEventName())) {
            binding.startOrGet(execution);
        } else if (EVENTNAME_END.equals(execution.getEventName())) {
            binding.finish(execution);
        }
    }
}
