package com.callportrait.simulator.soak;

/**
 * One row of a soak run's time series. Latencies are of the calls/utterances that finished in the
 * interval (NaN when none did); memory in MB; -1 = not measured. Immutable and thread-safe.
 *
 * @param seconds        seconds since the run started
 * @param started        calls started so far
 * @param completed      calls completed so far (hung up normally after an agent answered)
 * @param failed         calls that failed so far
 * @param degraded       calls routed on defaults so far
 * @param concurrent     calls in progress on the simulator side
 * @param liveCalls      calls in the application's live call state
 * @param agiP50Ms       {@code route} session time p50 in the interval
 * @param agiP99Ms       p99 of the same
 * @param popP50Ms       AgentConnect sent → screen pop received on the agent's WebSocket, p50
 * @param popP99Ms       p99 of the same
 * @param lagN           final transcripts of streamed audio in the interval
 * @param lagP50Ms       end of an utterance's audio sent → its final transcript, p50
 * @param lagP95Ms       p95 of the same
 * @param heapAfterGcMb  heap used after the last collection
 * @param liveHeapMb     heap used after a forced full collection at this sample (-1 = none forced)
 * @param heapUsedMb     heap used now
 * @param heapCommittedMb heap committed now
 * @param threads        live JVM threads
 * @param openFds        open file descriptors of the process
 * @param redisMb        Redis {@code used_memory}
 * @param amiUp          1 when the application was logged in to AMI at the sample
 */
public record SoakSample(double seconds, long started, long completed, long failed, long degraded, long concurrent,
                         int liveCalls, double agiP50Ms, double agiP99Ms, double popP50Ms, double popP99Ms, long lagN,
                         double lagP50Ms, double lagP95Ms, double heapAfterGcMb, double liveHeapMb, double heapUsedMb,
                         double heapCommittedMb, int threads, long openFds, double redisMb, int amiUp) {
    static final String[] HEADER = {"seconds", "started", "completed", "failed", "degraded", "concurrent",
        "live_calls", "agi_p50_ms", "agi_p99_ms", "pop_p50_ms", "pop_p99_ms", "lag_n", "lag_p50_ms", "lag_p95_ms",
        "heap_after_gc_mb", "live_heap_mb", "heap_used_mb", "heap_committed_mb", "threads", "open_fds", "redis_mb",
        "ami_up"};

    Object[] values() {
        return new Object[] {r(seconds), started, completed, failed, degraded, concurrent, liveCalls, r(agiP50Ms),
            r(agiP99Ms), r(popP50Ms), r(popP99Ms), lagN, r(lagP50Ms), r(lagP95Ms), r(heapAfterGcMb), r(liveHeapMb),
            r(heapUsedMb), r(heapCommittedMb), threads, openFds, r(redisMb), amiUp};
    }

    private static String r(double v) {
        return Double.isNaN(v) ? "" : String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
