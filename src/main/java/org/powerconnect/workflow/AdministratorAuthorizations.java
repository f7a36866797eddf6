package org.powerconnect.workflow;

import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.plugin.AdministratorAuthorizationPlugin;
import org.springframework.stereotype.Component;

/**
 * Administrators (group camunda-admin) may do everything, on every start: the starter grants that only when it
 * creates the first administrator, so a database whose administrator predates authorizations (or a server
 * without a configured admin user) would otherwise leave nobody able to manage users in Admin.
 */
@Component
class AdministratorAuthorizations extends AdministratorAuthorizationPlugin {

    AdministratorAuthorizations() {
        setAdministratorGroupName(Groups.CAMUNDA_ADMIN);
    }
}
