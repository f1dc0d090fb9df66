package com.callportrait.live;

/**
 * A token bucket: {@code perSecond} tokens a second, at most {@code perSecond} (min 1) stored.
 * Thread-safe.
 */
final class RateLimiter {
    private final double perSecond;
    private final double burst;
    private double tokens;
    private long last = System.nanoTime();

    RateLimiter(double perSecond) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, perSecond);
        this.tokens = burst;
    }

    synchronized boolean tryAcquire() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
