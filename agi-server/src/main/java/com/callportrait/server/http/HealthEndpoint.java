package com.callportrait.server.http;

import com.callportrait.server.health.HealthMonitor;
import com.callportrait.server.health.HealthReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The health endpoints, answered from the {@link HealthMonitor}'s last report (never a Redis
 * round trip per probe):
 * <ul>
 *   <li>{@code GET /health}: every check with status, reason and since, plus informational
 *       fields; 200 when UP or DEGRADED, 503 when DOWN (shutting down, FastAGI not listening).
 *   <li>{@code GET /health/ready}: the same status code with a short body (load balancers).
 *   <li>{@code GET /health/live}: 200 while the process is alive (the monitor evaluated within
 *       the last {@code staleAfter}); 503 when it has stopped evaluating: restart it.
 * </ul>
 * Thread-safe.
 */
public final class HealthEndpoint {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HealthMonitor monitor;
    private final Supplier<Map<String, Object>> info;
    private final Duration staleAfter;

    /**
     * @param info       extra fields (e.g. live AGI sessions, rules origin), computed per request
     * @param staleAfter how old the monitor's last evaluation may be before {@code /health/live} fails
     */
    public HealthEndpoint(HealthMonitor monitor, Supplier<Map<String, Object>> info, Duration staleAfter) {
        this.monitor = monitor;
        this.info = info;
        this.staleAfter = staleAfter;
    }

    /** {@code /health}. */
    public HttpHandler full() {
        return call -> {
            HealthReport r = monitor.report();
            Map<String, Object> body = r.toJson();
            body.putAll(info.get());
            return reply(r.ready() ? 200 : 503, body);
        };
    }

    /** {@code /health/ready}. */
    public HttpHandler ready() {
        return call -> {
            HealthReport r = monitor.report();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", r.status().name());
            body.put("ready", r.ready());
            if (!r.reason().isEmpty()) {
                body.put("reason", r.reason());
            }
            return reply(r.ready() ? 200 : 503, body);
        };
    }

    /** {@code /health/live}. */
    public HttpHandler live() {
        return call -> {
            Duration age = monitor.sinceLastRun();
            boolean alive = age.compareTo(staleAfter) < 0;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", alive ? "UP" : "DOWN");
            if (!alive) {
                body.put("reason", "health monitor has not run for " + age.toSeconds() + " s");
            }
            return reply(alive ? 200 : 503, body);
        };
    }

    private static CompletionStage<HttpReply> reply(int status, Map<String, Object> body) {
        return CompletableFuture.completedFuture(HttpReply.json(status, body, JSON));
    }
}
