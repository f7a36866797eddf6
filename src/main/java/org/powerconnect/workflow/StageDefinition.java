package org.powerconnect.workflow;

import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.powerconnect.connection.Department;
import org.powerconnect.connection.Stage;

/** The stage and department a model element stands for, read from its {@code stage} property and candidate group. */
record StageDefinition(Stage stage, Department department) {

    static StageDefinition of(BaseElement element) {
        String stageKey = property(element, ConnectionProcess.PROPERTY_STAGE).orElseThrow(() -> new ProcessEngineException(
                element.getId() + " has no camunda property '" + ConnectionProcess.PROPERTY_STAGE + "'"));
        Stage stage = Stage.ofKey(stageKey).orElseThrow(() -> new ProcessEngineException(
                element.getId() + ": '" + stageKey + "' is not a stage key of DOMAIN.md"));
        String departmentKey = property(element, ConnectionProcess.PROPERTY_DEPARTMENT)
                .orElseGet(() -> element instanceof UserTask task ? task.getCamundaCandidateGroups() : null);
        if (departmentKey == null) {
            throw new ProcessEngineException(element.getId() + " names no department (candidate group or property)");
        }
        Department department = Department.ofKey(departmentKey.trim()).orElseThrow(() -> new ProcessEngineException(
                element.getId() + ": '" + departmentKey + "' is not a department key of DOMAIN.md"));
        return new StageDefinition(stage, department);
    }

    static Optional<String> property(BaseElement element, String name) {
        ExtensionElements extensions = element.getExtensionElements();
        if (extensions == null) {
            return Optional.empty();
        }
        return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> name.equals(property.getCamundaName()))
                .map(CamundaProperty::getCamundaValue)
                .findFirst();
    }
}
