package org.powerconnect.progress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down whoever guesses access codes: after {@code max-failures} wrong codes (or unknown applications)
 * within {@code window} a client gets 429 until its oldest failure leaves the window. Kept per node, in
 * memory: with N nodes a client gets N times the attempts, still nothing against 8 × 10^14 codes.
 */
@Component
class GuessingGuard {

    private static final int MAX_CLIENTS = 100_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    GuessingGuard(@Value("${powerconnect.progress.max-failures:10}") int maxFailures,
            @Value("${powerconnect.progress.failure-window:PT15M}") Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** @return how long the client must wait; zero when it may try */
    Duration waitFor(String client) {
        Deque<Instant> recent = failures.get(client);
        if (recent == null) {
            return Duration.ZERO;
        }
        synchronized (recent) {
            Instant now = clock.instant();
            prune(recent, now);
            if (recent.size() < maxFailures) {
                return Duration.ZERO;
            }
            return Duration.between(now, recent.peekFirst().plus(window));
        }
    }

    void failed(String client) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_CLIENTS) {
            failures.values().removeIf(recent -> {
                synchronized (recent) {
                    prune(recent, now);
                    return recent.isEmpty();
                }
            });
        }
        Deque<Instant> recent = failures.computeIfAbsent(client, key -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent, now);
            recent.addLast(now);
        }
    }

    private void prune(Deque<Instant> recent, Instant now) {
        while (!recent.isEmpty() && !recent.peekFirst().plus(window).isAfter(now)) {
            recent.removeFirst();
        }
    }
}
