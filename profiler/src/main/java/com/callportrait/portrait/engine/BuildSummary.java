package com.callportrait.portrait.engine;

import java.util.Map;

/**
 * What a batch build did. Immutable.
 *
 * @param customers     portraits built
 * @param saved         portraits the store acknowledged
 * @param saveFailures  portraits the store refused or timed out on
 * @param records       records read per source
 * @param cleaning      cleaning counts
 * @param segments      customers per segment
 * @param riskMetrics   complaint-risk metrics on the held-out window
 * @param silhouettes   k to silhouette
 * @param phaseMillis   milliseconds per phase
 * @param trained       whether models were trained in this build (else existing ones were used)
 */
public record BuildSummary(long customers, long saved, long saveFailures, Map<String, Long> records,
                           Map<String, Long> cleaning, Map<String, Long> segments, Map<String, Double> riskMetrics,
                           Map<Integer, Double> silhouettes, Map<String, Long> phaseMillis, boolean trained) {
    public BuildSummary {
        records = Map.copyOf(records);
        cleaning = Map.copyOf(cleaning);
        segments = Map.copyOf(segments);
        riskMetrics = Map.copyOf(riskMetrics);
        silhouettes = Map.copyOf(silhouettes);
        phaseMillis = Map.copyOf(phaseMillis);
    }

    /** A human-readable summary for the command line. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("portraits built: %,d  saved: %,d  save failures: %,d  models %s%n", customers, saved,
                saveFailures, trained ? "trained" : "reused"));
        sb.append("records read:\n");
        new java.util.TreeMap<>(records).forEach((k, v) -> sb.append(String.format("  %-36s %,12d%n", k, v)));
        sb.append("cleaning:\n");
        new java.util.TreeMap<>(cleaning).forEach((k, v) -> sb.append(String.format("  %-36s %,12d%n", k, v)));
        sb.append("segments:\n");
        new java.util.TreeMap<>(segments).forEach((k, v) -> sb.append(String.format("  %-36s %,12d%n", k, v)));
        sb.append("complaint risk (held-out window):\n");
        new java.util.TreeMap<>(riskMetrics).forEach((k, v) -> sb.append(String.format("  %-36s %12.4f%n", k, v)));
        sb.append("silhouette by k: ").append(new java.util.TreeMap<>(silhouettes)).append('\n');
        sb.append("time (ms): ").append(phaseMillis).append('\n');
        return sb.toString();
    }
}
