package org.powerconnect.workflow;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.powerconnect.connection.Department;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What each group may do once the engine's authorizations are on ({@code camunda.bpm.authorization.enabled}).
 * A department gets Tasklist, its filter and read access to the connection process; its tasks it gets one by
 * one, as they are created, from the engine (READ and TASK_WORK for the candidate group: see
 * {@code default-user-permission-name-for-task}), so it sees and completes only its own. Supervisors read
 * everything in Cockpit and change nothing. Administrators (camunda-admin) have everything, granted by the
 * starter. Our own code and the job executor call the engine without a user, which the engine does not check.
 * Written at every start, idempotently: a missing permission is added, nothing is taken away.
 */
@Component
class EngineAuthorizations {

    private static final Logger log = LoggerFactory.getLogger(EngineAuthorizations.class);

    private final AuthorizationService authorizations;
    private final TaskService tasks;
    private final IdentityService identity;

    EngineAuthorizations(AuthorizationService authorizations, TaskService tasks, IdentityService identity) {
        this.authorizations = authorizations;
        this.tasks = tasks;
        this.identity = identity;
    }

    void grant(String tasklistFilterId) {
        for (Department department : Department.values()) {
            String group = department.key();
            if (department == Department.SUPERVISOR) {
                grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
                grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_INSTANCE,
                        Permissions.READ_HISTORY, Permissions.READ_TASK);
                grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
                grant(group, Resources.TASK, "*", Permissions.READ);
                grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
                grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
                grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
            } else {
                grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
                grant(group, Resources.FILTER, tasklistFilterId, Permissions.READ);
                // the variables on task cards and forms are the process's (application number, voltage class)
                grant(group, Resources.PROCESS_DEFINITION, ConnectionProcess.PROCESS_ID, Permissions.READ,
                        Permissions.READ_INSTANCE);
            }
        }
        backfillTasksAndUsersFromBeforeAuthorizations();
    }

    /**
     * Tasks and users created while authorizations were off have no rows of their own: without this, a
     * department would not see its open tasks after the switch. Runs once, when no task has any row yet.
     */
    private void backfillTasksAndUsersFromBeforeAuthorizations() {
        if (authorizations.createAuthorizationQuery().resourceType(Resources.TASK).count()
                > authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId("*").count()
                || tasks.createTaskQuery().count() == 0) {
            return;
        }
        int tasksGranted = 0;
        for (Task task : tasks.createTaskQuery().list()) {
            for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                    grant(link.getGroupId(), Resources.TASK, task.getId(), Permissions.READ, TaskPermissions.TASK_WORK);
                    grant(link.getGroupId(), Resources.HISTORIC_TASK, task.getId(), HistoricTaskPermissions.READ);
                    tasksGranted++;
                }
            }
        }
        List<User> users = identity.createUserQuery().list();
        for (User user : users) {
            if (authorizations.createAuthorizationQuery().userIdIn(user.getId()).resourceType(Resources.USER)
                    .resourceId(user.getId()).count() == 0) {
                Authorization own = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                own.setUserId(user.getId());
                own.setResource(Resources.USER);
                own.setResourceId(user.getId());
                own.addPermission(Permissions.READ);
                own.addPermission(Permissions.UPDATE);
                authorizations.saveAuthorization(own);
            }
        }
        log.info("Authorizations switched on: {} open tasks and {} users from before got their rows", tasksGranted,
                users.size());
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(group).resourceType(resource)
                .resourceId(resourceId).singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean missing = false;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                missing = true;
            }
        }
        if (missing) {
            authorizations.saveAuthorization(authorization);
        }
    }
}
