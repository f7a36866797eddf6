package org.powerconnect.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when an administrator is configured without a password: the engine would otherwise
 * create {@code admin} with whatever text stood in the setting. A plugin, so the check runs before the
 * engine creates the user.
 */
@Component
class AdminPasswordCheck extends AbstractProcessEnginePlugin {

    AdminPasswordCheck(@Value("${camunda.bpm.admin-user.id:}") String adminId,
            @Value("${camunda.bpm.admin-user.password:}") String password) {
        if (!adminId.isBlank() && (password.isBlank() || password.contains("${"))) {
            throw new IllegalStateException("the administrator '" + adminId + "' has no password: set "
                    + "POWERCONNECT_ADMIN_PASSWORD (postgres profile) or camunda.bpm.admin-user.password");
        }
    }
}
