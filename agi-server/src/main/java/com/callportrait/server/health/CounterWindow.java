package com.callportrait.server.health;

import java.util.ArrayDeque;

/**
 * The increase of a running total over the last {@code samples} readings (one reading per health
 * evaluation, so 5 samples at 1 s = the last 5 s). Not thread-safe: one check owns it.
 */
final class CounterWindow {
    private final int samples;
    private final ArrayDeque<Long> readings = new ArrayDeque<>();

    CounterWindow(int samples) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1");
        }
        this.samples = samples;
    }

    /** Records {@code total} and returns how much it grew since the oldest reading in the window. */
    long add(long total) {
        long oldest = readings.isEmpty() ? total : readings.peekFirst();
        readings.addLast(total);
        while (readings.size() > samples) {
            readings.removeFirst();
        }
        return Math.max(0, total - oldest);
    }
}
