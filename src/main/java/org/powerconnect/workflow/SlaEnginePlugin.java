package org.powerconnect.workflow;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Registers the SLA parse listener with the engine; the starter picks up every plugin bean. */
@Component
class SlaEnginePlugin extends AbstractProcessEnginePlugin {

    private final SlaParseListener parseListener;

    SlaEnginePlugin(StageClockListener clockListener, TaskDueDateExpression dueDate,
            SlaBreachListener breachListener, ProcessEndListener processEndListener, StageOutcomeGuard outcomeGuard,
            ProcessPauseListener pauseListener, TaskEventPublisher taskEvents) {
        this.parseListener = new SlaParseListener(clockListener, dueDate, breachListener, processEndListener,
                outcomeGuard, pauseListener, taskEvents);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(parseListener);
    }
}
