package org.powerconnect.web;

import java.util.Set;
import java.util.stream.Collectors;

import org.powerconnect.connection.Department;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The signed-in user of an API call and the groups (department keys) they belong to.
 *
 * @param groups group ids; department keys such as {@code planning-bureau}, and {@code camunda-admin}
 */
public record Staff(String userId, Set<String> groups) {

    public static final String ADMIN_GROUP = "camunda-admin";

    public static Staff of(Authentication authentication) {
        return new Staff(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet()));
    }

    public boolean belongsTo(Department department) {
        return groups.contains(department.key());
    }

    public boolean isAdmin() {
        return groups.contains(ADMIN_GROUP);
    }

    /** Supervisors and administrators may read every department's work. */
    public boolean maySee(Department department) {
        return belongsTo(department) || belongsTo(Department.SUPERVISOR) || isAdmin();
    }
}
