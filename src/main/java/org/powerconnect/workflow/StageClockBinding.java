package org.powerconnect.workflow;

import java.time.Instant;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.powerconnect.connection.ExternalLineWork;
import org.powerconnect.connection.VoltageClass;
import org.powerconnect.sla.ClockStart;
import org.powerconnect.sla.SlaClock;
import org.powerconnect.sla.SlaClocks;
import org.springframework.stereotype.Component;

/**
 * Ties an SLA clock to the engine's execution of a stage. The key is the execution of the activity's scope
 * plus the activity id: the timer expression, the start and end listeners and the task listener of one
 * stage occurrence all derive the same key, whatever order the engine calls them in, and a re-entered
 * stage (after a permit rejection) gets a new one.
 */
@Component
class StageClockBinding {

    private final SlaClocks clocks;

    StageClockBinding(SlaClocks clocks) {
        this.clocks = clocks;
    }

    /** The running clock of the activity the execution is at, started now if needed; empty for power-on. */
    Optional<SlaClock> startOrGet(DelegateExecution execution) {
        FlowElement element = execution.getBpmnModelElementInstance();
        if (element == null) {
            throw new ProcessEngineException("execution " + execution.getId() + " is at no activity; cannot start an SLA clock");
        }
        StageDefinition stage = StageDefinition.of(element);
        String voltageClass = (String) execution.getVariable(ConnectionProcess.VAR_VOLTAGE_CLASS);
        String externalLineWork = (String) execution.getVariable(ConnectionProcess.VAR_EXTERNAL_LINE_WORK);
        return clocks.startOrGet(new ClockStart(
                execution.getProcessBusinessKey(),
                scopeKey(execution.getId(), element.getId()),
                element.getId(),
                stage.stage(),
                stage.department(),
                VoltageClass.valueOf(voltageClass),
                externalLineWork == null ? null : ExternalLineWork.valueOf(externalLineWork),
                now()));
    }

    void finish(DelegateExecution execution) {
        String key = scopeKey(execution.getId(), execution.getCurrentActivityId());
        if (execution.isCanceled()) {
            clocks.cancel(key, now());
        } else {
            clocks.complete(key, now());
        }
    }

    static String scopeKey(String executionId, String activityId) {
        return executionId + "/" + activityId;
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
