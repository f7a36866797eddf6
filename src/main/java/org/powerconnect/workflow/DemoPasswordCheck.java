package org.powerconnect.workflow;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Outside the demo (default) profile, refuses to start while any user still has the demo password: a database
 * that was once run with the demo users, then switched to production, would otherwise keep accounts whose
 * password is in the README. Compares hashes, so no failed login is counted against anyone.
 */
@Component
@Profile("!default")
class DemoPasswordCheck implements ApplicationRunner {

    private final IdentityService identity;
    private final ProcessEngine engine;

    DemoPasswordCheck(IdentityService identity, ProcessEngine engine) {
        this.identity = identity;
        this.engine = engine;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> withDemoPassword = identity.createUserQuery().list().stream()
                .filter(user -> user instanceof UserEntity entity && hasDemoPassword(entity))
                .map(user -> user.getId()).toList();
        if (!withDemoPassword.isEmpty()) {
            throw new IllegalStateException("users " + withDemoPassword + " still have the demo password '"
                    + DemoUsers.PASSWORD + "', which the README publishes; this is not the demo profile: give them new "
                    + "passwords in Admin (/camunda/app/admin) under the default profile, or delete them");
        }
    }

    private boolean hasDemoPassword(UserEntity user) {
        if (user.getPassword() == null) {
            return false;
        }
        String salted = user.getSalt() == null ? DemoUsers.PASSWORD : DemoUsers.PASSWORD + user.getSalt();
        return ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getPasswordManager()
                .check(salted, user.getPassword());
    }
}
