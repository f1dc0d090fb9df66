package com.callportrait.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code GET /health}: {@code {"status":"UP"|"DOWN","checks":{"redis":{"status":"UP","latency_ms":0.3}},...}};
 * 200 when every check is up, 503 otherwise. Each check gets {@code timeoutMs}. Thread-safe.
 */
public final class HealthEndpoint implements HttpHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<HealthCheck> checks;
    private final Supplier<Map<String, Object>> info;
    private final long timeoutMs;

    /**
     * @param checks    dependencies to check
     * @param info      extra fields (e.g. live AGI sessions, rules origin), computed per request
     * @param timeoutMs budget of each check
     */
    public HealthEndpoint(List<HealthCheck> checks, Supplier<Map<String, Object>> info, long timeoutMs) {
        this.checks = List.copyOf(checks);
        this.info = info;
        this.timeoutMs = timeoutMs;
    }

    @Override
    public CompletionStage<HttpReply> handle(HttpCall call) {
        Map<String, CompletableFuture<Map<String, Object>>> running = new LinkedHashMap<>();
        for (HealthCheck c : checks) {
            CompletableFuture<Map<String, Object>> f;
            try {
                f = c.check().toCompletableFuture();
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            running.put(c.name(), f.orTimeout(timeoutMs, TimeUnit.MILLISECONDS).handle((ok, err) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("status", err == null ? "UP" : "DOWN");
                if (err == null) {
                    m.putAll(ok);
                } else {
                    Throwable c2 = err instanceof java.util.concurrent.CompletionException && err.getCause() != null
                            ? err.getCause() : err;
                    m.put("error", c2 instanceof java.util.concurrent.TimeoutException
                            ? "no answer within " + timeoutMs + " ms" : String.valueOf(c2.getMessage()));
                }
                return m;
            }));
        }
        return CompletableFuture.allOf(running.values().toArray(CompletableFuture<?>[]::new)).thenApply(v -> {
            Map<String, Object> checksOut = new LinkedHashMap<>();
            boolean up = true;
            for (var e : running.entrySet()) {
                Map<String, Object> r = e.getValue().join();
                up &= "UP".equals(r.get("status"));
                checksOut.put(e.getKey(), r);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", up ? "UP" : "DOWN");
            body.put("time", Instant.now().toString());
            body.put("checks", checksOut);
            body.putAll(info.get());
            return HttpReply.json(up ? 200 : 503, body, JSON);
        });
    }
}
