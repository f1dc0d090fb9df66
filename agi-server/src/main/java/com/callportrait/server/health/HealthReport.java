package com.callportrait.server.health;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last evaluation of every check, as {@code /health} shows it. Immutable and thread-safe.
 *
 * @param status  the application's state: DOWN when draining or a critical check is down (HTTP 503,
 *                not ready), DEGRADED when any check is degraded or down, else UP
 * @param reason  why, when not UP (the first problem found)
 * @param checks  each check's state, in registration order
 * @param time    when it was evaluated
 */
public record HealthReport(HealthState status, String reason, Map<String, Entry> checks, Instant time) {
    public HealthReport {
        checks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    }

    /**
     * One check's state.
     *
     * @param result   what it found
     * @param since    since when it has been in this state (its last change)
     * @param critical whether DOWN here makes the application DOWN
     */
    public record Entry(CheckResult result, Instant since, boolean critical) {
    }

    /** Ready for new calls: HTTP 200 on {@code /health} and {@code /health/ready}. */
    public boolean ready() {
        return status != HealthState.DOWN;
    }

    /** The JSON body of {@code /health} (without the extra informational fields). */
    public Map<String, Object> toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.name());
        if (!reason.isEmpty()) {
            body.put("reason", reason);
        }
        body.put("ready", ready());
        body.put("time", time.toString());
        Map<String, Object> out = new LinkedHashMap<>();
        checks.forEach((name, e) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", e.result().state().name());
            if (!e.result().reason().isEmpty()) {
                m.put("reason", e.result().reason());
            }
            m.put("since", e.since().toString());
            if (e.critical()) {
                m.put("critical", true);
            }
            m.putAll(e.result().details());
            out.put(name, m);
        });
        body.put("checks", out);
        return body;
    }
}
