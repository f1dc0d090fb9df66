package com.callportrait.simulator.soak;

import com.callportrait.simulator.call.SimResult;
import com.callportrait.simulator.observe.PopWatcher;
import com.callportrait.simulator.observe.ServerMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The measurements of a soak run: counters of calls, HdrHistogram interval recorders (AGI route
 * session, screen pop, transcript lag; microseconds) folded into whole-run histograms at each
 * sample, and the time series. The application's side (live calls, AMI login) is read from its
 * {@code /metrics}; transcripts from its {@code cp:events} stream. Thread-safe: calls finish on
 * simulator threads, transcripts arrive on the stream reader, samples are taken on the timer.
 */
final class SoakMeter {
    /** How long a call's audio start is kept for its transcripts (its last final comes after the hangup). */
    private static final long AUDIO_KEPT_NANOS = TimeUnit.MINUTES.toNanos(5);

    private final ServerMetrics server;
    private final SoakProbe probe;
    private final SoakOptions options;
    private final Recorder agi = new Recorder(3);
    private final Recorder pop = new Recorder(3);
    private final Recorder lag = new Recorder(3);
    private final Histogram agiTotal = new Histogram(3);
    private final Histogram popTotal = new Histogram(3);
    private final Histogram lagTotal = new Histogram(3);
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong degraded = new AtomicLong();
    private final AtomicLong spoke = new AtomicLong();
    private final AtomicLong popsMissing = new AtomicLong();
    private final Map<String, Long> audioStart = new ConcurrentHashMap<>();
    private final List<SoakSample> samples = new CopyOnWriteArrayList<>();
    private volatile PopWatcher pops;
    private long t0;
    private long lastGcProbe;

    SoakMeter(ServerMetrics server, SoakProbe probe, SoakOptions options) {
        this.server = server;
        this.probe = probe;
        this.options = options;
    }

    void start(long t0) {
        this.t0 = t0;
        this.lastGcProbe = t0;
    }

    void usePops(PopWatcher p) {
        this.pops = p;
    }

    /**
     * A final transcript of call {@code callId} whose audio ended {@code endMs} after the stream's
     * first frame, seen at {@code seenNanos}: its lag is recorded if this run streamed that call.
     */
    void transcriptFinal(String callId, long endMs, long seenNanos) {
        Long start = audioStart.get(callId);
        if (start != null) {
            long sent = start + TimeUnit.MILLISECONDS.toNanos(endMs);
            lag.recordValue(Math.max(0, (seenNanos - sent) / 1_000));
        }
    }

    void audioStarted(String callId, long nanos) {
        audioStart.values().removeIf(t -> nanos - t > AUDIO_KEPT_NANOS);
        audioStart.put(callId, nanos);
    }

    void started() {
        started.incrementAndGet();
    }

    void finished(SimResult r) {
        if (r.routeNanos() >= 0) {
            agi.recordValue(r.routeNanos() / 1_000);
        }
        if (r.degraded()) {
            degraded.incrementAndGet();
        }
        if (!r.ok()) {
            failed.incrementAndGet();
            return;
        }
        completed.incrementAndGet();
        if (r.spoke()) {
            spoke.incrementAndGet();
        }
        PopWatcher p = pops;
        long at = p == null ? -1 : p.connectedPopNanos(r.callId());
        if (at > 0) {
            pop.recordValue(Math.max(0, (at - r.connectNanos()) / 1_000));
        } else {
            popsMissing.incrementAndGet();
        }
        if (p != null) {
            p.forget(r.callId());
        }
    }

    long failed() {
        return failed.get();
    }

    /** Takes one sample (a forced GC first when a probe is due, or on the {@code last} one). */
    synchronized SoakSample sample(boolean last) {
        long now = System.nanoTime();
        boolean gc = !options.gcProbeEvery().isZero()
                && (last || now - lastGcProbe >= options.gcProbeEvery().toNanos() - TimeUnit.SECONDS.toNanos(1));
        if (gc) {
            lastGcProbe = now;
        }
        Histogram a = agi.getIntervalHistogram();
        Histogram p = pop.getIntervalHistogram();
        Histogram l = lag.getIntervalHistogram();
        agiTotal.add(a);
        popTotal.add(p);
        lagTotal.add(l);
        SoakProbe.Reading r = probe.read(gc);
        long s = started.get();
        long done = completed.get() + failed.get();
        SoakSample x = new SoakSample((now - t0) / 1e9, s, completed.get(), failed.get(), degraded.get(), s - done,
                server.liveCalls(), ms(a, 50), ms(a, 99), ms(p, 50), ms(p, 99), l.getTotalCount(), ms(l, 50),
                ms(l, 95), r.heapAfterGcMb(), r.liveHeapMb(), r.heapUsedMb(), r.heapCommittedMb(), r.threads(),
                r.openFds(), r.redisUsedMb(), server.amiConnected() ? 1 : 0);
        samples.add(x);
        return x;
    }

    List<SoakSample> samples() {
        return List.copyOf(samples);
    }

    synchronized Map<String, String> totals() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("calls started / completed / failed", started.get() + " / " + completed.get() + " / " + failed.get());
        t.put("concurrent calls (max / mean of samples)", samples.stream().mapToLong(SoakSample::concurrent).max()
                .orElse(0) + " / " + String.format(Locale.ROOT, "%.0f",
                samples.stream().mapToLong(SoakSample::concurrent).average().orElse(0)));
        t.put("routed on defaults (CP_DEGRADED=1)", Long.toString(degraded.get()));
        t.put("AGI route session ms p50 / p99 / max (n)", pct(agiTotal));
        t.put("screen pop ms p50 / p99 / max (n)", pct(popTotal) + ", " + popsMissing.get() + " completed calls without a pop");
        t.put("calls that streamed audio", Long.toString(spoke.get()));
        t.put("transcript lag ms p50 / p95 / max (n finals)", lagTotal.getTotalCount() == 0 ? "not measured"
                : String.format(Locale.ROOT, "%.0f / %.0f / %.0f (%d)", ms(lagTotal, 50), ms(lagTotal, 95),
                lagTotal.getMaxValue() / 1e3, lagTotal.getTotalCount()));
        return t;
    }

    private static String pct(Histogram h) {
        return h.getTotalCount() == 0 ? "none" : String.format(Locale.ROOT, "%.1f / %.1f / %.1f (%d)", ms(h, 50),
                ms(h, 99), h.getMaxValue() / 1e3, h.getTotalCount());
    }

    private static double ms(Histogram h, double p) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(p) / 1e3;
    }
}
