package org.powerconnect.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.powerconnect.EngineTestSupport;
import org.powerconnect.connection.CustomerType;
import org.powerconnect.connection.VoltageClass;
import org.powerconnect.intake.Application;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camunda's REST API can change anything, so only administrators may use it: a bureau cannot complete another
 * department's task, give itself a group or move another department's timer through it.
 */
class EngineRestAccessTest extends EngineTestSupport {

    private static final String ADMIN = "engine-rest-admin";

    @Autowired
    private TestRestTemplate rest;

    @BeforeEach
    void administrator() {
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(ADMIN).count() == 0) {
            User admin = identity.newUser(ADMIN);
            admin.setPassword(TEST_PASSWORD);
            identity.saveUser(admin);
            if (identity.createGroupQuery().groupId("camunda-admin").count() == 0) {
                identity.saveGroup(identity.newGroup("camunda-admin"));
            }
            identity.createMembership(ADMIN, "camunda-admin");
        }
    }

    @Test
    void shouldRefuseABureauThatTriesToCompleteAnotherDepartmentsTaskThroughTheEngineRestApi() {
        at("2026-09-24T10:00");
        Application application = submit(VoltageClass.LOW_VOLTAGE, 20, CustomerType.NON_RESIDENTIAL);
        String taskId = task(application, "UserTask_AcceptApplication").taskId();

        var answer = rest.withBasicAuth("water-bureau", TEST_PASSWORD)
                .postForEntity("/engine-rest/task/" + taskId + "/complete", "{}", String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer.getBody()).contains("camunda-admin");
        assertThat(worklist.openTask(taskId)).isPresent();
    }

    @Test
    void shouldRefuseAnonymousCallersAndLetAdministratorsIn() {
        assertThat(rest.getForEntity("/engine-rest/group", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth(ADMIN, TEST_PASSWORD).getForEntity("/engine-rest/group", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
