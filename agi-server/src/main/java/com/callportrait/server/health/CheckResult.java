package com.callportrait.server.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one check found: a state, a reason an operator can act on (empty when up), and details
 * for the JSON (numbers and short strings). Immutable and thread-safe.
 */
public record CheckResult(HealthState state, String reason, Map<String, Object> details) {
    public CheckResult {
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
        if (!state.healthy() && reason.isBlank()) {
            throw new IllegalArgumentException("a " + state + " result needs a reason");
        }
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static CheckResult up(Map<String, Object> details) {
        return new CheckResult(HealthState.UP, "", details);
    }

    public static CheckResult degraded(String reason, Map<String, Object> details) {
        return new CheckResult(HealthState.DEGRADED, reason, details);
    }

    public static CheckResult down(String reason, Map<String, Object> details) {
        return new CheckResult(HealthState.DOWN, reason, details);
    }

    public static CheckResult off(String reason) {
        return new CheckResult(HealthState.OFF, reason, Map.of());
    }

    /** The same state and reason with a different reason (e.g. a recovery summary). */
    public CheckResult withReason(String r) {
        return new CheckResult(state, r, details);
    }
}
