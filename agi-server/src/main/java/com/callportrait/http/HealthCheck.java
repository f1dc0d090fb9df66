package com.callportrait.http;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * One dependency {@code /health} reports (Redis now; AMI and Vosk later). {@link #check()}
 * completes with details when the dependency is up, exceptionally when it is down; it must not
 * block. Implementations are thread-safe.
 */
public interface HealthCheck {
    /** Name in the JSON, e.g. {@code redis}. */
    String name();

    /** Details when up (e.g. {@code latency_ms}); exceptional when down. */
    CompletionStage<Map<String, Object>> check();
}
