package org.powerconnect.workflow;

import java.util.Arrays;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.powerconnect.connection.Stage;
import org.powerconnect.sla.PauseReason;

/**
 * Wires the SLA clocks into every deployed model, so that no stage can be modelled without its clock:
 * every user task and every activity with a {@code stage} property gets clock listeners, every user task
 * its due date and the guard that its outcome was recorded, every boundary timer the breach recorder, and the process the application's final status.
 * The listeners are built-in ones, which "skip listeners" in Cockpit's modifications does not skip.
 */
class SlaParseListener extends AbstractBpmnParseListener {

    private static final Namespace CAMUNDA = new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS);

    private final StageClockListener clockListener;
    private final TaskDueDateExpression dueDate;
    private final SlaBreachListener breachListener;
    private final ProcessEndListener processEndListener;
    private final StageOutcomeGuard outcomeGuard;
    private final ProcessPauseListener pauseListener;
    private final TaskEventPublisher taskEvents;

    SlaParseListener(StageClockListener clockListener, TaskDueDateExpression dueDate,
            SlaBreachListener breachListener, ProcessEndListener processEndListener, StageOutcomeGuard outcomeGuard,
            ProcessPauseListener pauseListener, TaskEventPublisher taskEvents) {
        this.clockListener = clockListener;
        this.dueDate = dueDate;
        this.breachListener = breachListener;
        this.processEndListener = processEndListener;
        this.outcomeGuard = outcomeGuard;
        this.pauseListener = pauseListener;
        this.taskEvents = taskEvents;
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        // only an application's process ends an application; the mail-delivery process does not
        if (ConnectionProcess.PROCESS_ID.equals(processDefinition.getKey())) {
            processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, processEndListener);
        }
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (stageOf(userTaskElement, activity).isEmpty()) {
            throw new ProcessEngineException("user task " + activity.getId()
                    + " has no camunda property 'stage': every task belongs to a stage of DOMAIN.md");
        }
        addClockListeners(activity);
        Optional<String> pause = property(userTaskElement, ConnectionProcess.PROPERTY_PAUSE);
        if (pause.isPresent()) {
            if (Arrays.stream(PauseReason.values()).noneMatch(reason -> reason.name().equals(pause.get()))) {
                throw new ProcessEngineException(activity.getId() + ": pause '" + pause.get() + "' is not one of "
                        + Arrays.toString(PauseReason.values()));
            }
            activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, pauseListener);
            activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, pauseListener);
        }
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        if (task.getDueDateExpression() != null) {
            throw new ProcessEngineException(activity.getId() + " has a due date of its own; a task is due when its SLA clock is");
        }
        task.setDueDateExpression(dueDate);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, taskEvents);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, outcomeGuard);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, taskEvents);
    }

    @Override
    public void parseSubProcess(Element subProcessElement, ScopeImpl scope, ActivityImpl activity) {
        if (stageOf(subProcessElement, activity).isPresent()) {
            addClockListeners(activity);
        }
    }

    @Override
    public void parseBoundaryTimerEventDefinition(Element timerEventDefinition, boolean interrupting,
            ActivityImpl timerActivity) {
        timerActivity.addBuiltInListener(ExecutionListener.EVENTNAME_START, breachListener);
    }

    private void addClockListeners(ActivityImpl activity) {
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, clockListener);
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, clockListener);
    }

    private static Optional<Stage> stageOf(Element element, ActivityImpl activity) {
        return property(element, ConnectionProcess.PROPERTY_STAGE).map(key -> Stage.ofKey(key).orElseThrow(() ->
                new ProcessEngineException(activity.getId() + ": '" + key + "' is not a stage key of DOMAIN.md")));
    }

    private static Optional<String> property(Element element, String name) {
        Element extensions = element.element("extensionElements");
        Element properties = extensions == null ? null : extensions.elementNS(CAMUNDA, "properties");
        if (properties == null) {
            return Optional.empty();
        }
        return properties.elementsNS(CAMUNDA, "property").stream()
                .filter(property -> name.equals(property.attribute("name")))
                .map(property -> property.attribute("value"))
                .findFirst();
    }
}
