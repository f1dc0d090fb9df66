package com.callportrait.portrait.retrain;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a Redis reply on a background thread of the retraining (the lease, the model channel):
 * at most {@value #TIMEOUT_MS} ms, and a failure becomes an {@link IllegalStateException} naming
 * what was asked. Never called on an event loop (a reply arrives on one). Stateless.
 */
final class RedisReplies {
    static final long TIMEOUT_MS = 5_000;

    private RedisReplies() {
    }

    /** The reply to {@code what}, or an exception saying Redis did not answer it. */
    static <T> T await(String what, CompletionStage<T> reply) {
        try {
            return reply.toCompletableFuture().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for Redis", e);
        } catch (Exception e) {
            throw new IllegalStateException("Redis did not answer " + what + ": " + e, e);
        }
    }
}
