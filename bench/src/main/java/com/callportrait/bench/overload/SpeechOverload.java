package com.callportrait.bench.overload;

import com.callportrait.server.health.HealthReport;
import com.callportrait.server.health.HealthState;
import com.callportrait.speech.pipeline.EmotionEvent;
import com.callportrait.speech.pipeline.SpeechEngine;
import com.callportrait.speech.pipeline.SpeechListener;
import com.callportrait.speech.pipeline.SpeechLoad;
import com.callportrait.speech.pipeline.TranscriptEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The "Vosk overloaded" fault: more real-audio calls than the recognition pool can carry, then
 * none. Each simulated caller opens one AudioSocket session and speaks the caller side of the call
 * recorded from Asterisk 22 ({@code sim/caller-8k.raw}, looped) in real time, 20 ms frames, for the
 * load period, then hangs up. Meanwhile the engine's load and the application's health are sampled.
 * Reports what was offered, what the event loop read (every frame the callers wrote must be read:
 * a socket the server stops reading would block the caller's writes), what was shed (partials
 * first, then audio), the finals and the calls whose end was processed, the worst lag, when the
 * health said DEGRADED, and how long after the load dropped it was UP again with the lag back
 * under the threshold.
 *
 * <p>Used by {@code callportrait-bench overload} (long run) and {@code SpeechOverloadIT} (short).
 * Not thread-safe: one run at a time.
 */
public final class SpeechOverload {
    /**
     * @param calls         concurrent calls offered
     * @param load          how long each call speaks
     * @param stagger       pause between two callers' starts
     * @param recoverWithin how long to wait, after the load, for health UP and lag back to normal
     * @param normalLagMs   lag counted as normal again
     */
    public record Settings(int calls, Duration load, Duration stagger, Duration recoverWithin, long normalLagMs) {
        public Settings {
            if (calls < 1 || load.isNegative() || load.isZero() || stagger.isNegative() || recoverWithin.isNegative()
                    || normalLagMs < 1) {
                throw new IllegalArgumentException("bad overload settings");
            }
        }
    }

    /** What one run measured (counts are deltas over the run). */
    public record Result(int callsOffered, int callsFailed, int callsEnded, long framesSent, long framesReceived,
                         long framesShed, long partialsEmitted, long partialsDropped, long finals, long finalsDegraded,
                         int callsWithFinals, long maxLagMs, int maxBacklogFrames, double maxSendDelayMs,
                         HealthState worstSpeechState, long firstPartialDropMs, long firstShedMs,
                         long degradedAfterMs, long recoveredAfterMs,
                         long sessionsRejected, List<String> speechStates) {
    }

    private final SpeechEngine engine;
    private final InetSocketAddress audioSocket;
    private final Supplier<HealthReport> health;
    private final byte[] audio;

    public SpeechOverload(SpeechEngine engine, InetSocketAddress audioSocket, Supplier<HealthReport> health) {
        this.engine = engine;
        this.audioSocket = audioSocket;
        this.health = health;
        try (InputStream in = SpeechOverload.class.getResourceAsStream("/sim/caller-8k.raw")) {
            if (in == null) {
                throw new IllegalStateException("sim/caller-8k.raw is missing from the classpath");
            }
            this.audio = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts per call what the pipeline delivered (runs on recognition workers: cheap). */
    private static final class Tally implements SpeechListener {
        final Set<String> calls;
        final AtomicLong partials = new AtomicLong();
        final AtomicLong finals = new AtomicLong();
        final AtomicLong degraded = new AtomicLong();
        final Set<String> withFinals = ConcurrentHashMap.newKeySet();
        final Set<String> ended = ConcurrentHashMap.newKeySet();

        Tally(Set<String> calls) {
            this.calls = calls;
        }

        @Override
        public void onTranscript(TranscriptEvent e) {
            if (!calls.contains(e.callId())) {
                return;
            }
            if (!e.isFinal()) {
                partials.incrementAndGet();
                return;
            }
            finals.incrementAndGet();
            withFinals.add(e.callId());
            if (e.degraded()) {
                degraded.incrementAndGet();
            }
        }

        @Override
        public void onEmotion(EmotionEvent e) {
        }

        @Override
        public void onCallEnded(String callId, String reason) {
            if (calls.contains(callId)) {
                ended.add(callId);
            }
        }
    }

    public Result run(Settings s) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < s.calls(); i++) {
            ids.add(UUID.randomUUID().toString());
        }
        Tally tally = new Tally(Set.copyOf(ids));
        engine.addListener(tally);
        SpeechLoad before = engine.load();
        double rejectedBefore = rejected();
        AtomicLong sent = new AtomicLong();
        AtomicLong maxDelayNanos = new AtomicLong();
        ExecutorService callers = Executors.newFixedThreadPool(s.calls(), r -> {
            Thread t = new Thread(r, "overload-caller");
            t.setDaemon(true);
            return t;
        });
        List<String> states = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        long maxLag = 0;
        int maxBacklog = 0;
        HealthState worst = HealthState.UP;
        long degradedAt = -1;
        long firstPartialDrop = -1;
        long firstShed = -1;
        try {
            List<Future<?>> running = new ArrayList<>();
            for (String id : ids) {
                running.add(callers.submit(() -> {
                    speak(id, s.load(), sent, maxDelayNanos);
                    return null;
                }));
                TimeUnit.NANOSECONDS.sleep(s.stagger().toNanos());
            }
            HealthState last = null;
            while (running.stream().anyMatch(f -> !f.isDone())) {
                SpeechLoad l = engine.load();
                maxLag = Math.max(maxLag, l.maxLagMillis());
                maxBacklog = Math.max(maxBacklog, l.maxBacklogFrames());
                long t = (System.nanoTime() - start) / 1_000_000;
                if (firstPartialDrop < 0 && l.partialsDropped() > before.partialsDropped()) {
                    firstPartialDrop = t;
                }
                if (firstShed < 0 && l.framesShed() > before.framesShed()) {
                    firstShed = t;
                }
                HealthState st = speechState();
                if (st != last) {
                    states.add(String.format(java.util.Locale.ROOT, "%.1fs %s", (System.nanoTime() - start) / 1e9, st));
                    last = st;
                }
                if (st == HealthState.DEGRADED && degradedAt < 0) {
                    degradedAt = (System.nanoTime() - start) / 1_000_000;
                }
                if (st.gaugeValue() < worst.gaugeValue()) {
                    worst = st;
                }
                Thread.sleep(100);
            }
            int failed = 0;
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failed++;
                }
            }
            long loadEnd = System.nanoTime();
            long recovered = -1;
            long deadline = loadEnd + s.recoverWithin().toNanos();
            while (System.nanoTime() < deadline) {
                SpeechLoad l = engine.load();
                maxLag = Math.max(maxLag, l.maxLagMillis());
                HealthState st = speechState();
                if (st != last) {
                    states.add(String.format(java.util.Locale.ROOT, "%.1fs %s", (System.nanoTime() - start) / 1e9, st));
                    last = st;
                }
                if (st == HealthState.DEGRADED && degradedAt < 0) {
                    degradedAt = (System.nanoTime() - start) / 1_000_000;
                }
                if (st == HealthState.UP && l.maxLagMillis() < s.normalLagMs() && tally.ended.size() == ids.size()) {
                    recovered = (System.nanoTime() - loadEnd) / 1_000_000;
                    break;
                }
                Thread.sleep(100);
            }
            SpeechLoad after = engine.load();
            return new Result(s.calls(), failed, tally.ended.size(), sent.get(),
                    after.framesReceived() - before.framesReceived(), after.framesShed() - before.framesShed(),
                    tally.partials.get(), after.partialsDropped() - before.partialsDropped(), tally.finals.get(),
                    tally.degraded.get(), tally.withFinals.size(), maxLag, maxBacklog, maxDelayNanos.get() / 1e6,
                    worst, firstPartialDrop, firstShed, degradedAt, recovered, (long) (rejected() - rejectedBefore), List.copyOf(states));
        } finally {
            callers.shutdownNow();
            engine.removeListener(tally);
        }
    }

    private HealthState speechState() {
        HealthReport.Entry e = health.get().checks().get("speech");
        return e == null ? HealthState.OFF : e.result().state();
    }

    private double rejected() {
        var c = engine.metrics().registry().find("cp.speech.sessions.rejected").counter();
        return c == null ? 0 : c.count();
    }

    /**
     * One caller: the UUID frame, then the recording looped in real time for {@code load}, then
     * hang up (close). Records how late each frame left versus its schedule: if the server stopped
     * reading, the socket's buffers fill and writes block, and that delay grows.
     */
    private void speak(String id, Duration load, AtomicLong sent, AtomicLong maxDelayNanos) throws IOException,
            InterruptedException {
        UUID uuid = UUID.fromString(id);
        try (Socket socket = new Socket()) {
            socket.connect(audioSocket, 5000);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            out.write(ByteBuffer.allocate(19).put((byte) 0x01).putShort((short) 16)
                    .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array());
            byte[] frame = new byte[3 + 320];
            frame[0] = 0x10;
            frame[1] = (byte) (320 >> 8);
            frame[2] = (byte) (320 & 0xFF);
            long frames = load.toMillis() / 20;
            long t0 = System.nanoTime();
            for (long n = 0; n < frames; n++) {
                int off = (int) ((n * 320) % (audio.length - audio.length % 320));
                System.arraycopy(audio, off, frame, 3, 320);
                long due = t0 + n * 20_000_000L;
                long late = System.nanoTime() - due;
                maxDelayNanos.accumulateAndGet(late, Math::max);
                out.write(frame);
                out.flush();
                sent.incrementAndGet();
                long ahead = t0 + (n + 1) * 20_000_000L - System.nanoTime();
                if (ahead > 0) {
                    TimeUnit.NANOSECONDS.sleep(ahead);
                }
            }
        }
    }

    private static String secs(long ms) {
        return ms < 0 ? "never" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** The result as the lines {@code overload} prints and RELIABILITY.md records. */
    public static List<String> describe(Settings s, Result r, Map<String, Object> setup) {
        List<String> lines = new ArrayList<>();
        lines.add("setup: " + setup);
        lines.add(String.format(java.util.Locale.ROOT, "offered: %d calls x %d s of real-time caller audio (%d frames sent)",
                r.callsOffered(), s.load().toSeconds(), r.framesSent()));
        lines.add(String.format(java.util.Locale.ROOT, "read by the AudioSocket loop: %d frames (%s); callers' worst write delay %.1f ms; "
                        + "calls failed %d; sessions rejected %d",
                r.framesReceived(), r.framesReceived() == r.framesSent() ? "all" : "MISSING " + (r.framesSent() - r.framesReceived()),
                r.maxSendDelayMs(), r.callsFailed(), r.sessionsRejected()));
        lines.add(String.format(java.util.Locale.ROOT, "shed: %d partials skipped (%d emitted), %d audio frames (%.1f%%);"
                        + " first partial skipped at %s, first frame shed at %s",
                r.partialsDropped(), r.partialsEmitted(), r.framesShed(),
                r.framesReceived() == 0 ? 0.0 : 100.0 * r.framesShed() / r.framesReceived(), secs(r.firstPartialDropMs()),
                secs(r.firstShedMs())));
        lines.add(String.format(java.util.Locale.ROOT, "finals: %d (%d marked degraded), calls with finals %d/%d, calls ended %d/%d",
                r.finals(), r.finalsDegraded(), r.callsWithFinals(), r.callsOffered(), r.callsEnded(), r.callsOffered()));
        lines.add(String.format(java.util.Locale.ROOT, "worst lag %d ms, worst call backlog %d frames; health speech %s first at %s",
                r.maxLagMs(), r.maxBacklogFrames(), r.worstSpeechState(),
                r.degradedAfterMs() < 0 ? "never" : String.format(java.util.Locale.ROOT, "%.1f s", r.degradedAfterMs() / 1000.0)));
        lines.add("speech health over time: " + String.join(", ", r.speechStates()));
        lines.add(r.recoveredAfterMs() < 0 ? "NOT recovered within " + s.recoverWithin().toSeconds() + " s"
                : String.format(java.util.Locale.ROOT, "recovered (health UP, lag < %d ms) %.1f s after the load dropped",
                s.normalLagMs(), r.recoveredAfterMs() / 1000.0));
        return lines;
    }
}
