package com.callportrait.server.health;

import com.callportrait.route.fastagi.AgiServer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The FastAGI server, the one critical check: when it does not listen, Asterisk gets
 * {@code AGISTATUS=FAILURE} for every call, so the application is DOWN (HTTP 503, not ready).
 * Stateless and thread-safe.
 */
public final class AgiCheck implements HealthCheck {
    private final AgiServer server;

    public AgiCheck(AgiServer server) {
        this.server = server;
    }

    @Override
    public String name() {
        return "agi";
    }

    @Override
    public boolean critical() {
        return true;
    }

    @Override
    public CompletionStage<CheckResult> check() {
        Map<String, Object> d = Map.of("sessions", server.activeSessions());
        return CompletableFuture.completedFuture(server.isListening() ? CheckResult.up(d)
                : CheckResult.down("FastAGI server not listening", d));
    }
}
