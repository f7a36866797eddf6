package org.powerconnect.workflow;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
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

    StageDefinition of(String processDefinitionId, String activityId) {
        return cache.computeIfAbsent(processDefinitionId + "/" + activityId, key -> StageDefinition.of(
                (BaseElement) repository.getBpmnModelInstance(processDefinitionId).getModelElementById(activityId)));
    }
}
