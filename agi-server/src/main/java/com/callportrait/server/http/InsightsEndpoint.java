package com.callportrait.server.http;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * {@code GET /api/insights}: the last refresh of agent groups, association rules, demand heat and
 * the hourly call forecast as JSON ({@code state} = {@code pending} until the first refresh has
 * finished). Aggregates only, but agent performance is personnel data: service and supervisor
 * tokens only. Stateless and thread-safe; never blocks (the refresh runs on its own thread).
 */
public final class InsightsEndpoint implements HttpHandler {
    private final Supplier<Map<String, Object>> insights;

    public InsightsEndpoint(Supplier<Map<String, Object>> insights) {
        this.insights = java.util.Objects.requireNonNull(insights, "insights");
    }

    @Override
    public CompletionStage<HttpReply> handle(HttpCall call) {
        return CompletableFuture.completedFuture(HttpReply.json(200, insights.get(), ProfileEndpoint.JSON));
    }
}
