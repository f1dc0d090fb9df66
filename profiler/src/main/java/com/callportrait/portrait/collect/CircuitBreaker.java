package com.callportrait.portrait.collect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A minimal circuit breaker: after {@code threshold} consecutive failures it opens and refuses
 * calls for {@code openFor}; then one trial call is let through (half-open) and its result closes
 * or re-opens it. Thread-safe (synchronised; calls are not made under the lock).
 */
public final class CircuitBreaker {
    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private int failures;
    private Instant openUntil = Instant.MIN;
    private boolean trial;

    public CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        if (threshold < 1 || openFor.isNegative()) {
            throw new IllegalArgumentException("threshold must be >= 1 and openFor >= 0");
        }
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a call may go out now. */
    public synchronized boolean allow() {
        if (failures < threshold) {
            return true;
        }
        if (clock.instant().isBefore(openUntil) || trial) {
            return false;
        }
        trial = true; // half-open: exactly one trial call
        return true;
    }

    public synchronized void success() {
        failures = 0;
        trial = false;
    }

    public synchronized void failure() {
        failures++;
        trial = false;
        if (failures >= threshold) {
            openUntil = clock.instant().plus(openFor);
        }
    }

    public synchronized String state() {
        return failures < threshold ? "closed" : clock.instant().isBefore(openUntil) ? "open" : "half-open";
    }
}
