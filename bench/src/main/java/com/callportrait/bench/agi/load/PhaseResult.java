package com.callportrait.bench.agi.load;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one load phase measured, as the load process prints it ({@link #line()}) and the bench
 * command reads it back ({@link #parse}). Immutable.
 *
 * @param phase        {@code closed-64}, {@code rate-1000}, ...
 * @param sessions     sessions that routed correctly, started in the measured window
 * @param errors       sessions that failed: refused, reset, no variables, wrong customer
 * @param degraded     sessions routed on defaults ({@code CP_DEGRADED=1})
 * @param seconds      length of the measured window
 * @param p50Us        median session latency, from when the session was due to the server's close
 * @param p99Us        99th percentile
 * @param p999Us       99.9th percentile
 * @param maxUs        worst
 * @param commands     AGI commands (round trips) in all measured sessions
 * @param serverCpuNs  CPU time (user + system) of the server process over the window
 * @param redisCpuNs   CPU time of redis-server over the window (0 when not watched)
 * @param clientCpuNs  CPU time of the load process over the window
 */
public record PhaseResult(String phase, long sessions, long errors, long degraded, double seconds, long p50Us,
                          long p99Us, long p999Us, long maxUs, long commands, long serverCpuNs, long redisCpuNs,
                          long clientCpuNs) {

    /** Sessions per second. */
    public double perSecond() {
        return sessions / seconds;
    }

    private long ended() {
        return Math.max(1, sessions + errors + degraded);
    }

    /** Server CPU per session in µs. */
    public double serverUsPerSession() {
        return serverCpuNs / 1000.0 / ended();
    }

    /** redis-server CPU per session in µs. */
    public double redisUsPerSession() {
        return redisCpuNs / 1000.0 / ended();
    }

    /** Load-process CPU per session in µs. */
    public double clientUsPerSession() {
        return clientCpuNs / 1000.0 / ended();
    }

    /** Mean AGI round trips per session. */
    public double commandsPerSession() {
        return (double) commands / ended();
    }

    /** {@code RESULT key=value ...} on one line. */
    public String line() {
        return String.format(Locale.ROOT, "RESULT phase=%s sessions=%d errors=%d degraded=%d seconds=%.3f p50=%d p99=%d"
                        + " p999=%d max=%d commands=%d servercpu=%d rediscpu=%d clientcpu=%d", phase, sessions, errors,
                degraded, seconds, p50Us, p99Us, p999Us, maxUs, commands, serverCpuNs, redisCpuNs, clientCpuNs);
    }

    /** Reads a {@link #line()}. */
    public static PhaseResult parse(String line) {
        if (!line.startsWith("RESULT ")) {
            throw new IllegalArgumentException("not a result line: " + line);
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : line.substring(7).split(" ")) {
            int eq = kv.indexOf('=');
            m.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return new PhaseResult(m.get("phase"), l(m, "sessions"), l(m, "errors"), l(m, "degraded"),
                Double.parseDouble(m.get("seconds")), l(m, "p50"), l(m, "p99"), l(m, "p999"), l(m, "max"),
                l(m, "commands"), l(m, "servercpu"), l(m, "rediscpu"), l(m, "clientcpu"));
    }

    private static long l(Map<String, String> m, String key) {
        return Long.parseLong(m.get(key));
    }
}
