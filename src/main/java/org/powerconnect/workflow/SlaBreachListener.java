package org.powerconnect.workflow;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.powerconnect.sla.SlaClock;
import org.powerconnect.sla.SlaClocks;
import org.springframework.stereotype.Component;

/**
 * Records the breach when an SLA timer fires. The timer is non-interrupting: the task stays with its
 * department. Recording is idempotent, so a retried timer job cannot write a second breach.
 */
@Component
class SlaBreachListener implements ExecutionListener {

    private final SlaClocks clocks;

    SlaBreachListener(SlaClocks clocks) {
        this.clocks = clocks;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (!(execution.getBpmnModelElementInstance() instanceof BoundaryEvent timer)) {
            return;
        }
        String activity = timer.getAttachedTo().getId();
        SlaClock clock = clocks.running(execution.getProcessBusinessKey(), activity).orElseThrow(() ->
                new ProcessEngineException("no running SLA clock for " + activity + " of application "
                        + execution.getProcessBusinessKey() + "; the breach of " + timer.getId() + " cannot be recorded"));
        clocks.recordBreach(clock, StageClockBinding.now());
    }
}
