package com.callportrait.server.health;

import java.util.concurrent.CompletionStage;

/**
 * One dependency {@code /health} reports. {@link #check()} is called by the {@link HealthMonitor}
 * only (once a second, from one thread), so an implementation may keep a window of previous
 * readings without locking; it must not block (return a stage that completes later instead). A
 * stage that fails or does not complete within the monitor's timeout counts as DOWN.
 */
public interface HealthCheck {
    /** Name in the JSON and the {@code check} tag, e.g. {@code redis}. */
    String name();

    /** The current state. */
    CompletionStage<CheckResult> check();

    /**
     * Whether this check being DOWN makes the application DOWN (HTTP 503, not ready). Only the
     * FastAGI server is: with Redis, AMI or speech down, calls are still routed (on defaults).
     */
    default boolean critical() {
        return false;
    }
}
