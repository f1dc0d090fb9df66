package com.callportrait.server.health;

import com.callportrait.speech.pipeline.SpeechEngine;
import com.callportrait.speech.pipeline.SpeechLoad;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Live speech (Vosk). OFF with {@code CP_SPEECH=off}; DOWN when the AudioSocket server is not
 * listening; DEGRADED ("overloaded") while, within the window, audio frames were shed, at least
 * {@value #PARTIALS_DROPPED_WARN} partial results were skipped, or recognition lags real time by
 * {@code lagMs} or more. It stays DEGRADED until a whole window passes without any of these, so
 * one overload episode is one DEGRADED period (one WARN line), not a flapping state; the INFO line
 * at recovery sums the episode up (frames shed, partials skipped, worst lag). Not thread-safe
 * (keeps a window of readings): its {@link HealthMonitor} calls it, one evaluation at a time.
 */
public final class SpeechCheck implements HealthCheck {
    /** A few skipped partials are the first, cheap, shedding step; this many in a window is overload. */
    static final int PARTIALS_DROPPED_WARN = 3;

    private final java.util.function.Supplier<Optional<SpeechEngine>> engine;
    private final long lagMs;
    private final CounterWindow shed;
    private final CounterWindow partials;
    private boolean inEpisode;
    private long episodeShedBase;
    private long episodePartialsBase;
    private long episodeMaxLag;

    /** @param engine the engine once started (empty: speech off) */
    public SpeechCheck(java.util.function.Supplier<Optional<SpeechEngine>> engine, long lagMs, int windowSamples) {
        this.engine = engine;
        this.lagMs = lagMs;
        this.shed = new CounterWindow(windowSamples);
        this.partials = new CounterWindow(windowSamples);
    }

    @Override
    public String name() {
        return "speech";
    }

    @Override
    public CompletionStage<CheckResult> check() {
        Optional<SpeechEngine> started = engine.get();
        if (started.isEmpty()) {
            return CompletableFuture.completedFuture(CheckResult.off("CP_SPEECH=off"));
        }
        SpeechEngine e = started.get();
        SpeechLoad l = e.load();
        long shedNow = shed.add(l.framesShed());
        long partialsNow = partials.add(l.partialsDropped());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("model", e.model().dir().getFileName().toString());
        d.put("calls", l.activeCalls());
        d.put("workers", l.workers());
        d.put("calls_waiting", l.waitingCalls());
        d.put("backlog_frames", l.backlogFrames());
        d.put("max_call_backlog_frames", l.maxBacklogFrames());
        d.put("queue_frames", l.queueFrames());
        d.put("lag_ms", l.maxLagMillis());
        d.put("frames_shed", l.framesShed());
        d.put("partials_dropped", l.partialsDropped());
        if (!l.listening()) {
            return CompletableFuture.completedFuture(CheckResult.down("AudioSocket server not listening", d));
        }
        StringBuilder why = new StringBuilder();
        if (shedNow > 0) {
            why.append("shedding audio: ").append(shedNow).append(" frames dropped recently (utterances marked degraded)");
        }
        if (partialsNow >= PARTIALS_DROPPED_WARN) {
            why.append(why.isEmpty() ? "" : "; ").append("shedding partials: ").append(partialsNow).append(" skipped recently");
        }
        if (l.maxLagMillis() >= lagMs) {
            why.append(why.isEmpty() ? "" : "; ").append("recognition ").append(l.maxLagMillis())
                    .append(" ms behind real time");
        }
        if (!why.isEmpty()) {
            if (!inEpisode) {
                inEpisode = true;
                episodeShedBase = l.framesShed() - shedNow; // the window that tripped it belongs to it
                episodePartialsBase = l.partialsDropped() - partialsNow;
                episodeMaxLag = 0;
            }
            episodeMaxLag = Math.max(episodeMaxLag, l.maxLagMillis());
            return CompletableFuture.completedFuture(CheckResult.degraded("overloaded: " + why
                    + " (" + l.activeCalls() + " calls on " + l.workers() + " workers)", d));
        }
        CheckResult up = CheckResult.up(d);
        if (inEpisode) {
            up = up.withReason("overload over: " + (l.framesShed() - episodeShedBase) + " frames shed, "
                    + (l.partialsDropped() - episodePartialsBase) + " partials skipped, worst lag "
                    + episodeMaxLag + " ms");
            inEpisode = false;
        }
        return CompletableFuture.completedFuture(up);
    }
}
