package org.powerconnect.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The API's sign-in remembers a correct password for a while so that a clerk's every request does not cost a
 * password check and a group query; it must never remember a wrong one, and must ask again once the time is up.
 */
class IdentityServiceAuthenticationProviderTest {

    private final IdentityService identity = mock(IdentityService.class);
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @BeforeEach
    void planningClerkWithPasswordSecret() {
        when(identity.checkPassword("planning-clerk", "secret")).thenReturn(true);
        when(identity.checkPassword("planning-clerk", "guess")).thenReturn(false);
        Group planning = mock(Group.class);
        when(planning.getId()).thenReturn("planning-bureau");
        GroupQuery query = mock(GroupQuery.class);
        when(identity.createGroupQuery()).thenReturn(query);
        when(query.groupMember("planning-clerk")).thenReturn(query);
        when(query.list()).thenReturn(List.of(planning));
    }

    private IdentityServiceAuthenticationProvider provider(Duration ttl) {
        return new IdentityServiceAuthenticationProvider(identity, ttl, nanos::get);
    }

    private static Authentication signIn(IdentityServiceAuthenticationProvider provider, String password) {
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("planning-clerk", password));
    }

    @Test
    void aCorrectPasswordIsCheckedOncePerMinuteAndKeepsTheDepartment() {
        var provider = provider(Duration.ofMinutes(1));

        Authentication first = signIn(provider, "secret");
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        Authentication second = signIn(provider, "secret");

        verify(identity, times(1)).checkPassword("planning-clerk", "secret");
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getName()).isEqualTo("planning-clerk");
        assertThat(second.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("planning-bureau");
        assertThat(second.getAuthorities()).isEqualTo(first.getAuthorities());
        assertThat(second.getCredentials()).isNull();

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        signIn(provider, "secret");
        verify(identity, times(2)).checkPassword("planning-clerk", "secret");
    }

    @Test
    void aWrongPasswordAfterACorrectOneIsStillRefusedAndReachesTheIdentityServiceEachTime() {
        var provider = provider(Duration.ofMinutes(1));
        signIn(provider, "secret");

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> signIn(provider, "guess")).isInstanceOf(BadCredentialsException.class);
        }
        // each wrong attempt is counted by the engine, which locks the user after too many
        verify(identity, times(3)).checkPassword("planning-clerk", "guess");
    }

    @Test
    void withNoTimeToLiveEveryRequestIsChecked() {
        var provider = provider(Duration.ZERO);

        signIn(provider, "secret");
        signIn(provider, "secret");

        verify(identity, times(2)).checkPassword("planning-clerk", "secret");
    }

    @Test
    void aNegativeTimeToLiveIsRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> provider(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("powerconnect.security.credential-cache-ttl");
    }
}
