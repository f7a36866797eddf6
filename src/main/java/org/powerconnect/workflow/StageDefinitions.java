package org.powerconnect.workflow;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.springframework.stereotype.Component;

/** Stage and department of each activity of each deployed model; a deployed model never changes, so they are cached. */
@Component
class StageDefinitions {

    private final RepositoryService repository;
    private final Map<String, StageDefinition> cache = new ConcurrentHashMap<>();

    StageDefinitions(RepositoryService repository) {
        this.repository = repository;
    }

    /** Every stage of the latest connection process with the department that works it, the overall clock's too. */
    Set<StageDefinition> ofLatestConnectionProcess() {
        ProcessDefinition latest = repository.createProcessDefinitionQuery()
                .processDefinitionKey(ConnectionProcess.PROCESS_ID).latestVersion().singleResult();
        if (latest == null) {
            return Set.of();
        }
        Set<StageDefinition> stages = new LinkedHashSet<>();
        repository.getBpmnModelInstance(latest.getId()).getModelElementsByType(Activity.class).stream()
                .filter(activity -> StageDefinition.property(activity, ConnectionProcess.PROPERTY_STAGE).isPresent())
                .forEach(activity -> stages.add(StageDefinition.of(activity)));
        return stages;
    }

    StageDefinition of(String processDefinitionId, String activityId) {
        return cache.computeIfAbsent(processDefinitionId + "/" + activityId, key -> StageDefinition.of(
                (BaseElement) repository.getBpmnModelInstance(processDefinitionId).getModelElementById(activityId)));
    }
}
