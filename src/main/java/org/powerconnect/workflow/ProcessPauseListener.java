package org.powerconnect.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.powerconnect.connection.Stage;
import org.powerconnect.sla.PauseConflictException;
import org.powerconnect.sla.PauseReason;
import org.powerconnect.sla.SlaPause;
import org.powerconnect.sla.SlaPauses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where the model knows the application waits on the applicant (an activity with a {@code pause} property), the
 * process pauses the overall clock when the activity starts and ends the pause when it ends.
 */
@Component
class ProcessPauseListener implements ExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ProcessPauseListener.class);

    private final SlaPauses pauses;

    ProcessPauseListener(SlaPauses pauses) {
        this.pauses = pauses;
    }

    @Override
    public void notify(DelegateExecution execution) {
        FlowElement activity = execution.getBpmnModelElementInstance();
        PauseReason reason = PauseReason.valueOf(StageDefinition.property(activity, ConnectionProcess.PROPERTY_PAUSE)
                .orElseThrow());
        String applicationNo = execution.getProcessBusinessKey();
        if (EVENTNAME_START.equals(execution.getEventName())) {
            try {
                pauses.start(applicationNo, reason, Stage.OVERALL, null, comment(activity), SlaPauses.ENDED_BY_PROCESS,
                        StageClockBinding.now());
            } catch (PauseConflictException e) {
                // staff paused the overall clock already; that pause covers this wait
                log.info("Application {}: {}", applicationNo, e.getMessage());
            }
        } else if (EVENTNAME_END.equals(execution.getEventName())) {
            pauses.of(applicationNo).stream()
                    .filter(pause -> pause.isRunning() && pause.reason() == reason
                            && SlaPauses.ENDED_BY_PROCESS.equals(pause.startedBy())
                            && comment(activity).equals(pause.comment()))
                    .map(SlaPause::id)
                    .forEach(id -> pauses.end(applicationNo, id, SlaPauses.ENDED_BY_PROCESS, StageClockBinding.now()));
        }
    }

    private static String comment(FlowElement activity) {
        return "waiting on the applicant: " + activity.getName();
    }
}
