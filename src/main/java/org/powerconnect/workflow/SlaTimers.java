package org.powerconnect.workflow;

import java.util.Date;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The due date of every SLA boundary timer: {@code ${slaTimers.dueAt(execution)}} in the model. The limit
 * comes from sla-config/ and the date from the working-day calendar, never from the model.
 */
@Component("slaTimers")
public class SlaTimers {

    private final StageClockBinding binding;

    SlaTimers(StageClockBinding binding) {
        this.binding = binding;
    }

    public Date dueAt(DelegateExecution execution) {
        return binding.startOrGet(execution)
                .map(clock -> Date.from(clock.dueAt()))
                .orElseThrow(() -> new ProcessEngineException(execution.getCurrentActivityId()
                        + " has a timer but its stage has no limit in sla-config/"));
    }
}
