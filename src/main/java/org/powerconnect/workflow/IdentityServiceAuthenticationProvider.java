package org.powerconnect.workflow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks API credentials against the engine's identity service, the same users and groups that Tasklist,
 * Cockpit and Admin use; a user's groups (department keys) become the authorities.
 *
 * <p>The API is stateless (HTTP Basic on every request), and the identity service's check costs a user read, a
 * salted-hash comparison and a group query each time: for a clerk working through a worklist that was about a
 * fifth of the database statements of a task completion (BENCHMARKS.md). So a successful check is remembered
 * for {@code powerconnect.security.credential-cache-ttl} (one minute; PT0S turns it off), keyed by a salted
 * hash of user and password that only this process knows the salt of. Wrong passwords are never remembered:
 * each one reaches the identity service, which counts it and locks the user after too many. The price: a
 * changed password, a removed group membership or a lock reaches a client that already signed in only when its
 * entry expires.
 */
@Component
class IdentityServiceAuthenticationProvider implements AuthenticationProvider {

    /** Far more than the staff of a city; past it the memory starts afresh rather than grow. */
    private static final int MAX_REMEMBERED = 10_000;

    private final IdentityService identity;
    private final LongSupplier nanoClock;
    private final long ttlNanos;
    private final byte[] salt = new byte[32];
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @Autowired
    IdentityServiceAuthenticationProvider(IdentityService identity,
            @Value("${powerconnect.security.credential-cache-ttl:PT1M}") Duration ttl) {
        this(identity, ttl, System::nanoTime);
    }

    /** With the clock a test moves. */
    IdentityServiceAuthenticationProvider(IdentityService identity, Duration ttl, LongSupplier nanoClock) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException(
                    "powerconnect.security.credential-cache-ttl must not be negative, was " + ttl);
        }
        this.identity = identity;
        this.nanoClock = nanoClock;
        this.ttlNanos = ttl.toNanos();
        new SecureRandom().nextBytes(salt);
    }

    private record Verified(List<SimpleGrantedAuthority> groups, long expiresAtNanos) {
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || credentials == null) {
            throw new BadCredentialsException("wrong user name or password");
        }
        String key = ttlNanos > 0 ? key(userId, credentials.toString()) : null;
        Verified remembered = key == null ? null : verified.get(key);
        if (remembered != null && remembered.expiresAtNanos() - nanoClock.getAsLong() > 0) {
            return UsernamePasswordAuthenticationToken.authenticated(userId, null, remembered.groups());
        }
        if (!identity.checkPassword(userId, credentials.toString())) {
            throw new BadCredentialsException("wrong user name or password");
        }
        List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).map(SimpleGrantedAuthority::new).toList();
        if (key != null) {
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
            verified.put(key, new Verified(groups, nanoClock.getAsLong() + ttlNanos));
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
    }

    private String key(String userId, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            digest.update(userId.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
