package com.callportrait.bench.agi;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * What one load phase measured. Immutable and thread-safe.
 *
 * @param server        which server
 * @param phase         {@code closed-loop cN} or {@code fixed R/s}
 * @param completed     sessions that ended well in the measured window
 * @param errors        sessions that failed (refused, reset, no command)
 * @param seconds       length of the measured window
 * @param p50Ms         median session latency (connect to the server's close)
 * @param p99Ms         99th percentile
 * @param p999Ms        99.9th percentile
 * @param maxMs         worst
 * @param commandsPerSession mean AGI commands (round trips) per session
 * @param degraded      calls routed on defaults because the lookup missed the budget
 * @param cpuUsPerSession CPU time of the whole JVM (server, load client, Redis client) per session
 */
public record LoadResult(String server, String phase, long completed, long errors, double seconds, double p50Ms,
                         double p99Ms, double p999Ms, double maxMs, double commandsPerSession, long degraded, double cpuUsPerSession) {

    /** A copy with the calls routed on defaults and the JVM CPU time per session during the phase. */
    LoadResult with(long degradedCalls, double cpuUs) {
        return new LoadResult(server, phase, completed, errors, seconds, p50Ms, p99Ms, p999Ms, maxMs, commandsPerSession,
                degradedCalls, cpuUs);
    }

    /** Sessions per second over the window. */
    public double perSecond() {
        return completed / seconds;
    }

    static LoadResult of(String server, String phase, Histogram us, long errors, double seconds, long commands) {
        long n = us.getTotalCount();
        return new LoadResult(server, phase, n, errors, seconds, us.getValueAtPercentile(50) / 1000.0,
                us.getValueAtPercentile(99) / 1000.0, us.getValueAtPercentile(99.9) / 1000.0, us.getMaxValue() / 1000.0,
                n == 0 ? 0 : (double) commands / n, 0, 0);
    }

    /** One markdown table row. */
    public String markdownRow() {
        return String.format(Locale.ROOT, "| %s | %s | %,.0f | %.2f | %.2f | %.2f | %.2f | %d | %d | %.1f | %.0f |", server,
                phase, perSecond(), p50Ms, p99Ms, p999Ms, maxMs, errors, degraded, commandsPerSession, cpuUsPerSession);
    }

    /** Header matching {@link #markdownRow()}. */
    public static String markdownHeader() {
        return "| server | load | sessions/s | p50 ms | p99 ms | p99.9 ms | max ms | errors | degraded | AGI commands/session | JVM CPU µs/session |\n"
                + "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";
    }
}
