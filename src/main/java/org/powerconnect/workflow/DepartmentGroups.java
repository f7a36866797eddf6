package org.powerconnect.workflow;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.powerconnect.connection.Department;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Every department exists as a group of the identity service (its key is the candidate group of its tasks),
 * and Tasklist offers a "My department's tasks" filter sorted by due date, in every profile.
 */
@Component
class DepartmentGroups implements ApplicationRunner {

    static final String TASKLIST_FILTER = "My department's tasks";

    private final EngineAuthorizations authorizations;

    private final IdentityService identity;
    private final FilterService filters;
    private final TaskService tasks;

    DepartmentGroups(IdentityService identity, FilterService filters, TaskService tasks,
            EngineAuthorizations authorizations) {
        this.identity = identity;
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Department department : Department.values()) {
            ensure(identity, department);
        }
        if (filters.createFilterQuery().filterName(TASKLIST_FILTER).count() == 0) {
            TaskQuery query = tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                    .includeAssignedTasks().orderByDueDate().asc();
            // Tasklist applies its own sort order from the URL; the description tells users to pick "Due date"
            Filter filter = filters.newTaskFilter(TASKLIST_FILTER).setQuery(query).setProperties(Map.of(
                    "description", "Open tasks of your department; sort by Due date to see the most urgent first",
                    "priority", -10,
                    "refresh", true,
                    "variables", List.of(Map.of("name", ConnectionProcess.VAR_APPLICATION_NO, "label", "Application"),
                            Map.of("name", ConnectionProcess.VAR_VOLTAGE_CLASS, "label", "Voltage class"))));
            filters.saveFilter(filter);
        }
        authorizations.grant(filters.createFilterQuery().filterName(TASKLIST_FILTER).singleResult().getId());
    }

    static void ensure(IdentityService identity, Department department) {
        if (identity.createGroupQuery().groupId(department.key()).count() == 0) {
            Group group = identity.newGroup(department.key());
            group.setName(department.key());
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }
}
