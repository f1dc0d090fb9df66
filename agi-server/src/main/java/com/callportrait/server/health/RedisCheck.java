package com.callportrait.server.health;

import com.callportrait.profile.ProfileStore;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Redis: one PING per evaluation. DOWN when it fails or does not answer in time (routing then
 * runs on defaults, {@code CP_DEGRADED=1}); DEGRADED when it answers slower than {@code slowMs}
 * (calls near the routing budget are at risk of defaults); else UP with the round trip. Stateless
 * and thread-safe.
 */
public final class RedisCheck implements HealthCheck {
    private final ProfileStore store;
    private final long slowMs;

    public RedisCheck(ProfileStore store, long slowMs) {
        this.store = store;
        this.slowMs = slowMs;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public CompletionStage<CheckResult> check() {
        return store.ping().thenApply(d -> {
            double ms = d.toNanos() / 1e6;
            Map<String, Object> details = Map.of("latency_ms", Math.round(ms * 100) / 100.0);
            return ms > slowMs
                    ? CheckResult.degraded(String.format(java.util.Locale.ROOT,
                    "slow: PING took %.0f ms (over %d ms); routes may fall back to defaults", ms, slowMs), details)
                    : CheckResult.up(details);
        });
    }
}
