package org.powerconnect.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.powerconnect.intake.ApplicationStatus;
import org.powerconnect.intake.Applications;
import org.powerconnect.sla.SlaPauses;
import org.springframework.stereotype.Component;

/**
 * Marks the application powered on when its process completes, or cancelled when an administrator stops it,
 * and ends the pauses still running: nothing waits any more.
 */
@Component
class ProcessEndListener implements ExecutionListener {

    private final Applications applications;
    private final SlaPauses pauses;

    ProcessEndListener(Applications applications, SlaPauses pauses) {
        this.applications = applications;
        this.pauses = pauses;
    }

    @Override
    public void notify(DelegateExecution execution) {
        applications.finish(execution.getProcessBusinessKey(),
                execution.isCanceled() ? ApplicationStatus.CANCELLED : ApplicationStatus.POWERED_ON,
                StageClockBinding.now());
        pauses.endAll(execution.getProcessBusinessKey(), StageClockBinding.now());
    }
}
