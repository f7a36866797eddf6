package org.powerconnect.workflow;

import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.powerconnect.EngineTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Production refuses accounts with the demo password, and passwords are stored as salted hashes. */
class DemoPasswordCheckTest extends EngineTestSupport {

    @Autowired
    private DemoPasswordCheck check;

    @Test
    void aUserWithTheDemoPasswordStopsTheStartOutsideTheDemoProfile() throws Exception {
        check.run(null); // the test users have other passwords

        User leftOver = engine.getIdentityService().newUser("left-over-demo-user");
        leftOver.setPassword("demo");
        engine.getIdentityService().saveUser(leftOver);
        try {
            String stored = jdbc.queryForObject("select pwd_ from act_id_user where id_ = ?", String.class,
                    "left-over-demo-user");
            assertThat(stored).as("the stored password").doesNotContain("demo").startsWith("{SHA-512}");

            assertThatThrownBy(() -> check.run(null)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("left-over-demo-user").hasMessageContaining("demo password");
        } finally {
            engine.getIdentityService().deleteUser("left-over-demo-user");
        }
        check.run(null);
    }
}
