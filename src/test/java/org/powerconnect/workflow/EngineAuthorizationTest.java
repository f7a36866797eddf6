package org.powerconnect.workflow;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.powerconnect.EngineTestSupport;
import org.powerconnect.connection.CustomerType;
import org.powerconnect.connection.VoltageClass;
import org.powerconnect.intake.Application;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine's own checks, as Tasklist, Cockpit and the engine's REST API meet them: a department sees and
 * works only its own tasks and cannot re-date them; supervisors read everything and change nothing.
 */
class EngineAuthorizationTest extends EngineTestSupport {

    @Autowired
    private TaskService tasks;
    @Autowired
    private AuthorizationService authorizations;
    @Autowired
    private EngineAuthorizations grants;

    private Application application;

    @BeforeEach
    void applicationWithFourOpenTasks() {
        at("2026-11-09T10:00");
        application = submit(VoltageClass.HIGH_VOLTAGE, 800, CustomerType.NON_RESIDENTIAL);
        complete(application, "UserTask_AcceptApplication", done());
    }

    @AfterEach
    void signOut() {
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void aBureauSeesAndCompletesOnlyItsOwnTaskAndCannotMoveItsDueDate() {
        signIn("planning-bureau");

        List<Task> visible = openTasks();
        assertThat(visible).extracting(Task::getTaskDefinitionKey).containsExactly("UserTask_GiveSurveyOpinionPlanning");

        Task forestry = taskAt("UserTask_GiveSurveyOpinionForestry");
        signIn("planning-bureau");
        assertThatThrownBy(() -> tasks.complete(forestry.getId())).isInstanceOf(AuthorizationException.class);

        Task own = visible.get(0);
        own.setDueDate(java.util.Date.from(shanghai("2027-06-01T17:00")));
        assertThatThrownBy(() -> tasks.saveTask(own)).isInstanceOf(AuthorizationException.class);

        tasks.complete(own.getId());
        engine.getIdentityService().clearAuthentication();
        assertThat(tasks.createTaskQuery().taskId(own.getId()).count()).isZero();
        assertThat(tasks.createTaskQuery().taskId(forestry.getId()).count()).isEqualTo(1);
    }

    @Test
    void aBureauCannotChangeTheApplicationsFactsWhileCompletingItsTaskInTasklist() {
        signIn("planning-bureau");
        String own = openTasks().get(0).getId();

        assertThatThrownBy(() -> tasks.complete(own, java.util.Map.of("voltageClass", "LOW_VOLTAGE")))
                .hasMessageContaining("voltageClass = LOW_VOLTAGE").hasMessageContaining("application's facts");

        engine.getIdentityService().clearAuthentication();
        assertThat(runtime.getVariable(processOf(application).getId(), "voltageClass")).isEqualTo("HIGH_VOLTAGE");
        assertThat(tasks.createTaskQuery().taskId(own).count()).as("the task stays open").isEqualTo(1);
        signIn("planning-bureau");
        tasks.complete(own, java.util.Map.of("voltageClass", "HIGH_VOLTAGE", "note", "site visited"));
    }

    @Test
    void aSupervisorReadsEveryTaskAndCompletesNone() {
        signIn("supervisor");

        List<Task> visible = openTasks();
        assertThat(visible).hasSize(4);
        assertThatThrownBy(() -> tasks.complete(visible.get(0).getId())).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> runtime.deleteProcessInstance(processOf(application).getId(), "cleaning up"))
                .isInstanceOf(AuthorizationException.class);
    }

    @Test
    void departmentsGetTasklistAndTheirFilterSupervisorsGetCockpit() {
        String filterId = engine.getFilterService().createFilterQuery().filterName(DepartmentGroups.TASKLIST_FILTER)
                .singleResult().getId();

        assertThat(authorizations.isUserAuthorized("water-bureau", List.of("water-bureau"), Permissions.ACCESS,
                Resources.APPLICATION, "tasklist")).isTrue();
        assertThat(authorizations.isUserAuthorized("water-bureau", List.of("water-bureau"), Permissions.READ,
                Resources.FILTER, filterId)).isTrue();
        assertThat(authorizations.isUserAuthorized("water-bureau", List.of("water-bureau"), Permissions.ACCESS,
                Resources.APPLICATION, "cockpit")).isFalse();
        assertThat(authorizations.isUserAuthorized("supervisor", List.of("supervisor"), Permissions.ACCESS,
                Resources.APPLICATION, "cockpit")).isTrue();
        assertThat(authorizations.isUserAuthorized("supervisor", List.of("supervisor"), Permissions.UPDATE,
                Resources.PROCESS_INSTANCE, "*")).isFalse();
        assertThat(authorizations.isUserAuthorized("supervisor", List.of("supervisor"), Permissions.ACCESS,
                Resources.APPLICATION, "admin")).isFalse();
    }

    @Test
    void grantingAgainAtTheNextStartAddsNothing() {
        String filterId = engine.getFilterService().createFilterQuery().filterName(DepartmentGroups.TASKLIST_FILTER)
                .singleResult().getId();
        long before = authorizations.createAuthorizationQuery().count();

        grants.grant(filterId);

        assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(before);
    }

    private void signIn(String department) {
        engine.getIdentityService().setAuthentication(department, List.of(department));
    }

    private List<Task> openTasks() {
        return tasks.createTaskQuery().processInstanceBusinessKey(application.applicationNo()).list();
    }

    private Task taskAt(String activityId) {
        engine.getIdentityService().clearAuthentication();
        return tasks.createTaskQuery().processInstanceBusinessKey(application.applicationNo())
                .taskDefinitionKey(activityId).singleResult();
    }
}
