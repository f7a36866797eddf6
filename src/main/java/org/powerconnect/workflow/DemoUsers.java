package org.powerconnect.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.powerconnect.connection.Department;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo users for trying the server out: one user per department, named after the department key, password
 * "demo". Only the default profile (no profile chosen) creates them; the admin user comes from
 * camunda.bpm.admin-user in application-default.yml.
 */
@Component
@Profile("default")
class DemoUsers implements ApplicationRunner {

    static final String PASSWORD = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final IdentityService identity;

    DemoUsers(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Department department : Department.values()) {
            DepartmentGroups.ensure(identity, department);
            String userId = department.key();
            if (identity.createUserQuery().userId(userId).count() == 0) {
                User user = identity.newUser(userId);
                user.setFirstName("Demo");
                user.setLastName(department.key());
                user.setPassword(PASSWORD);
                identity.saveUser(user);
                identity.createMembership(userId, department.key());
                log.info("Created demo user {} (password '{}') in group {}", userId, PASSWORD, department.key());
            }
        }
    }
}
