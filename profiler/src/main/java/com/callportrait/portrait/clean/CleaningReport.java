package com.callportrait.portrait.clean;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of what cleaning did, by name ({@code accepted.interaction}, {@code duplicate.interaction},
 * {@code impossible.negative_duration}, {@code missing.tier}, {@code normalised.phone}, ...).
 * Thread-safe; several workers may count into one report.
 */
public final class CleaningReport {
    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    public void count(String what) {
        counts.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    /** The count for one name, 0 when never counted. */
    public long get(String what) {
        LongAdder a = counts.get(what);
        return a == null ? 0 : a.sum();
    }

    /** A sorted snapshot of every count. */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new TreeMap<>();
        counts.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    /** One line per count, for the build summary. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        snapshot().forEach((k, v) -> sb.append(String.format("  %-36s %,12d%n", k, v)));
        return sb.toString();
    }
}
