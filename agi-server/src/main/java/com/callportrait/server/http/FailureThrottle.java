package com.callportrait.server.http;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed token checks per source address in fixed windows: once a source has failed
 * {@code max} times in the current window, every request from it that needs a token is refused
 * (HTTP 429) without checking the token, until the window ends. Guessing tokens (or phone
 * numbers with a stolen token of the wrong role) is then limited to {@code max} tries per window
 * per address. The table is bounded: past {@link #MAX_SOURCES} addresses, finished windows are
 * swept, and if that is not enough the oldest state is dropped (a flood of distinct addresses
 * cannot exhaust memory; each of them still gets only {@code max} tries per window).
 *
 * <p>Thread-safe.
 */
public final class FailureThrottle {
    /** The most source addresses tracked at once. */
    static final int MAX_SOURCES = 10_000;

    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Map<InetAddress, Window> sources = new ConcurrentHashMap<>();

    private record Window(Instant start, int failures) {
    }

    /**
     * @param max    failures allowed per source and window (at least 1)
     * @param window the window's length
     */
    public FailureThrottle(int max, Duration window, Clock clock) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1: " + max);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    /** True when {@code source} used up its failures in the current window. */
    public boolean blocked(InetAddress source) {
        Window w = sources.get(source);
        return w != null && !expired(w, clock.instant()) && w.failures() >= max;
    }

    /** Records one failed check from {@code source}. */
    public void failed(InetAddress source) {
        Instant now = clock.instant();
        if (sources.size() >= MAX_SOURCES && !sources.containsKey(source)) {
            sources.values().removeIf(w -> expired(w, now));
            if (sources.size() >= MAX_SOURCES) {
                sources.clear();
            }
        }
        sources.compute(source, (k, w) -> w == null || expired(w, now) ? new Window(now, 1)
                : new Window(w.start(), w.failures() + 1));
    }

    /** How long until {@code source}'s window ends (for {@code Retry-After}); zero when not blocked. */
    public Duration retryAfter(InetAddress source) {
        Window w = sources.get(source);
        if (w == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), w.start().plus(window));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Source addresses tracked now (tests, diagnostics). */
    int tracked() {
        return sources.size();
    }

    private boolean expired(Window w, Instant now) {
        return !now.isBefore(w.start().plus(window));
    }
}
