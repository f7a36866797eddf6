package org.powerconnect.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.powerconnect.intake.Application;
import org.powerconnect.intake.ApplicationSubmitted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Starts the connection process of a submitted application, inside the submitting transaction. */
@Component
class ApplicationProcessStarter {

    private final RuntimeService runtime;

    ApplicationProcessStarter(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void on(ApplicationSubmitted event) {
        Application application = event.application();
        runtime.startProcessInstanceByKey(ConnectionProcess.PROCESS_ID, application.applicationNo(),
                Variables.createVariables()
                        .putValue(ConnectionProcess.VAR_APPLICATION_NO, application.applicationNo())
                        .putValue(ConnectionProcess.VAR_VOLTAGE_CLASS, application.voltageClass().name())
                        .putValue(ConnectionProcess.VAR_CAPACITY_KVA, application.capacityKva())
                        .putValue(ConnectionProcess.VAR_CUSTOMER_TYPE, application.customerType().name()));
    }
}
