package org.powerconnect.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.powerconnect.intake.ApplicationStatus;
import org.powerconnect.intake.Applications;
import org.springframework.stereotype.Component;

/** Marks the application powered on when its process completes, or cancelled when an administrator stops it. */
@Component
class ProcessEndListener implements ExecutionListener {

    private final Applications applications;

    ProcessEndListener(Applications applications) {
        this.applications = applications;
    }

    @Override
    public void notify(DelegateExecution execution) {
        applications.finish(execution.getProcessBusinessKey(),
                execution.isCanceled() ? ApplicationStatus.CANCELLED : ApplicationStatus.POWERED_ON,
                StageClockBinding.now());
    }
}
