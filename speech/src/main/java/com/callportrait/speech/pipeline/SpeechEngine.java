package com.callportrait.speech.pipeline;

import com.callportrait.common.config.ConfigException;
import com.callportrait.speech.asr.AsrOptions;
import com.callportrait.speech.asr.RecognitionPool;
import com.callportrait.speech.asr.RecognizerPool;
import com.callportrait.speech.asr.SpeechRecognizer;
import com.callportrait.speech.asr.StreamingRecognizer;
import com.callportrait.speech.asr.SpeechMetrics;
import com.callportrait.speech.asr.SpeechModel;
import com.callportrait.speech.audiosocket.AudioSocketOptions;
import com.callportrait.speech.audiosocket.AudioSocketServer;
import com.callportrait.speech.audiosocket.CallAudioSink;
import com.callportrait.speech.audiosocket.CallAudioSinkFactory;
import com.callportrait.speech.emotion.EmotionReading;
import com.callportrait.speech.emotion.EmotionScorer;
import com.callportrait.speech.emotion.VoiceAnalyzer;
import com.callportrait.speech.emotion.VoiceFeatures;
import com.callportrait.speech.redact.Redactor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The speech facade the application wires in: one shared Vosk model, the recognition pool (threads),
 * the pool of warm recognisers, the emotion scorer, the voice analysers, the redactor and the
 * listeners; {@link #openCall} starts a call's {@link CallTranscriber}, {@link #startAudioSocket}
 * puts the AudioSocket server in front of it.
 *
 * <p>Thread-safe. Lifecycle: {@link #builder()}...{@code build()} loads the model and warms
 * {@code CP_ASR_WARM_RECOGNIZERS} recognisers on bundled audio (seconds), so an engine that exists
 * is ready; {@link #close()} stops the server, ends every open call and waits (up to 10 s) until
 * each has worked through its backlog and finalised its utterance, then stops the threads, frees
 * the recognisers and the model.
 */
public final class SpeechEngine implements CallAudioSinkFactory, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SpeechEngine.class);
    /** How long {@link #close()} lets open calls finish their backlog and last utterance. */
    private static final java.time.Duration CLOSE_WAIT = java.time.Duration.ofSeconds(10);

    private final AsrOptions options;
    private final SpeechModel model;
    private final boolean ownsModel;
    private final RecognitionPool pool;
    private final RecognizerPool recognizers;
    private final SpeechMetrics metrics;
    private final Listeners listeners;
    private final EmotionScorer scorer;
    private final Supplier<VoiceAnalyzer> voiceAnalyzers;
    private final Redactor redactor;
    private final AgentLegs agentLegs;
    /** Open transcribers by {@link CallLeg#key()}: the call id for the caller's leg. */
    private final Map<String, CallTranscriber> calls = new ConcurrentHashMap<>();
    private volatile AudioSocketServer server;

    private SpeechEngine(Builder b) {
        this.options = b.options;
        this.ownsModel = b.model == null;
        this.model = ownsModel ? SpeechModel.load(options) : b.model;
        this.metrics = new SpeechMetrics(b.registry);
        this.listeners = new Listeners(metrics);
        this.pool = new RecognitionPool(options.workers());
        Function<SpeechModel, ? extends SpeechRecognizer> factory = b.recognizerFactory;
        this.recognizers = new RecognizerPool(options.recognizers(), () -> factory.apply(model), b.registry);
        long warm0 = System.nanoTime();
        warmUp();
        long warmMs = (System.nanoTime() - warm0) / 1_000_000;
        this.scorer = b.scorer;
        this.voiceAnalyzers = b.voiceAnalyzers;
        this.redactor = b.redactor;
        this.agentLegs = new AgentLegs(b.agentLeg, listeners, b.registry);
        metrics.gauge("cp.speech.calls.active", "calls with an open transcriber", calls::size);
        metrics.gauge("cp.speech.backlog.frames", "audio frames waiting for a worker",
                () -> calls.values().stream().mapToInt(CallTranscriber::backlog).sum());
        metrics.gauge("cp.speech.pool.waiting", "calls waiting for a recognition thread", pool::waitingCalls);
        metrics.gauge("cp.speech.backlog.max.frames", "the most audio frames one call has waiting",
                () -> calls.values().stream().mapToInt(CallTranscriber::backlog).max().orElse(0));
        metrics.gauge("cp.speech.mailbox.capacity.frames",
                "audio frames one call may have waiting before new ones are shed (CP_ASR_QUEUE_FRAMES)",
                options::queueFrames);
        metrics.gauge("cp.speech.lag.seconds", "age of the oldest audio frame waiting for recognition, all calls",
                () -> maxLagNanos(System.nanoTime()) / 1e9);
        pool.bindTo(b.registry);
        log.info("speech engine ready: model {} at {} Hz, {} recognition workers, {} warm recognisers"
                + " (warmed in {} ms; {} at most, lease per {})", model.dir(), model.sampleRate(), options.workers(),
                recognizers.idle(), warmMs, options.recognizers().max(),
                options.recognizers().lease().name().toLowerCase(java.util.Locale.ROOT));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Warms the first recognisers on one thread per worker, before anything is reported ready. */
    private void warmUp() {
        if (options.recognizers().warm() == 0) {
            return;
        }
        float[] audio = WarmupAudio.load(model.sampleRate());
        ExecutorService threads = Executors.newFixedThreadPool(options.workers(), r -> {
            Thread t = new Thread(r, "cp-asr-warmup");
            t.setDaemon(true);
            return t;
        });
        try {
            recognizers.warm(audio, model.sampleRate(), threads);
        } finally {
            threads.shutdown();
        }
    }

    public void addListener(SpeechListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(SpeechListener listener) {
        listeners.remove(listener);
    }

    /** Starts transcribing a call; a call already open under this id is ended first (a reconnect). */
    public CallTranscriber openCall(String callId) {
        return openLeg(CallLeg.caller(callId));
    }

    /**
     * Starts transcribing one leg of a call; a leg already open under the same key is ended first
     * (a reconnect). The agent's leg is placed on the call's time line where it starts, measured from
     * the caller's leg of the same call.
     */
    public CallTranscriber openLeg(CallLeg leg) {
        double startSec = 0;
        if (leg.speaker() == Speaker.AGENT) {
            CallTranscriber callerLeg = calls.get(leg.callId());
            startSec = callerLeg == null ? 0 : Math.max(0, (System.nanoTime() - callerLeg.startNanos()) / 1e9);
        }
        CallTranscriber fresh = new CallTranscriber(leg, startSec, this);
        CallTranscriber old = calls.put(leg.key(), fresh);
        if (old != null) {
            old.end("replaced by a new session");
        }
        return fresh;
    }

    @Override
    public CallAudioSink open(UUID streamId) {
        CallLeg leg = CallLeg.of(streamId);
        if (leg.speaker() == Speaker.AGENT && !agentLegs.enabled()) {
            return agentLegs.refuse(leg);
        }
        return openLeg(leg);
    }

    @Override
    public void sessionRejected(String reason) {
        metrics.sessionRejected();
    }

    public Optional<CallTranscriber> call(String callId) {
        return Optional.ofNullable(calls.get(callId));
    }

    public int activeCalls() {
        return calls.size();
    }

    private long maxLagNanos(long now) {
        long max = 0;
        for (CallTranscriber c : calls.values()) {
            max = Math.max(max, c.lagNanos(now));
        }
        return max;
    }

    /** How loaded the engine is now (cheap: one pass over the open calls). */
    public SpeechLoad load() {
        long backlog = 0;
        int maxBacklog = 0;
        for (CallTranscriber c : calls.values()) {
            int b = c.backlog();
            backlog += b;
            maxBacklog = Math.max(maxBacklog, b);
        }
        AudioSocketServer s = server;
        return new SpeechLoad(calls.size(), pool.workers(), pool.waitingCalls(), backlog, maxBacklog,
                options.queueFrames(), maxLagNanos(System.nanoTime()) / 1_000_000,
                (long) metrics.framesReceivedCount(), (long) metrics.shedCount(),
                (long) metrics.partialsDroppedCount(), (long) metrics.finalsCount(), s != null && s.isListening());
    }

    /** Starts the AudioSocket server feeding this engine. */
    public synchronized AudioSocketServer startAudioSocket(AudioSocketOptions socketOptions) {
        if (server != null) {
            throw new IllegalStateException("the AudioSocket server is already running");
        }
        server = AudioSocketServer.start(socketOptions, this, metrics.registry());
        AudioSocketServer started = server;
        io.micrometer.core.instrument.Gauge.builder("cp.netty.pending.tasks", started, AudioSocketServer::pendingTasks)
                .tag("loop", "audiosocket").description("tasks waiting on the event loops (they should stay near 0)")
                .register(metrics.registry());
        return server;
    }

    public SpeechMetrics metrics() {
        return metrics;
    }

    public SpeechModel model() {
        return model;
    }

    public AsrOptions options() {
        return options;
    }

    RecognitionPool pool() {
        return pool;
    }

    /** The warm recognisers calls lease from. */
    public RecognizerPool recognizers() {
        return recognizers;
    }

    Listeners listeners() {
        return listeners;
    }

    VoiceAnalyzer newVoiceAnalyzer() {
        return voiceAnalyzers.get();
    }

    /** The reading, or null if the scorer failed (logged); runs on the worker with raw text. */
    EmotionReading score(String rawText, VoiceFeatures voice) {
        try {
            return scorer.score(rawText, voice);
        } catch (RuntimeException e) {
            log.warn("emotion scorer failed: {}", e.toString());
            return null;
        }
    }

    /** The redacted text, or null if the redactor failed (the caller then drops the event). */
    String redact(String rawText) {
        return redact(rawText, false);
    }

    /** As {@link #redact(String)} for a partial result (a number still being said is masked too). */
    String redactPartial(String rawText) {
        return redact(rawText, true);
    }

    private String redact(String rawText, boolean partial) {
        try {
            String text = partial ? redactor.redactPartial(rawText) : redactor.redact(rawText);
            return Objects.requireNonNull(text, "redactor returned null");
        } catch (RuntimeException e) {
            log.error("redaction failed; transcript dropped: {}", e.getClass().getName());
            return null;
        }
    }

    void forget(CallTranscriber call) {
        calls.remove(call.leg().key(), call);
    }

    @Override
    public void close() {
        AudioSocketServer s = server;
        if (s != null) {
            s.close();
        }
        java.util.List<CallTranscriber> open = java.util.List.copyOf(calls.values());
        for (CallTranscriber c : open) {
            c.end("shutdown");
        }
        // Let each call's worker reach its end marker (through any backlog) before the pool stops:
        // a pool shut down first would refuse the next drain and lose the call's last utterance.
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        for (CallTranscriber c : open) {
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !c.awaitFinished(left, java.util.concurrent.TimeUnit.NANOSECONDS)) {
                    log.warn("call {}: not finalised within {} s of shutdown ({} frames waiting)", c.callId(),
                            CLOSE_WAIT.toSeconds(), c.backlog());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        pool.close();
        recognizers.close();
        if (ownsModel) {
            model.close();
        }
    }

    /** Builds a {@link SpeechEngine}; scorer, voice analysers and redactor are required. Not thread-safe. */
    public static final class Builder {
        private AsrOptions options = AsrOptions.defaults();
        private SpeechModel model;
        private MeterRegistry registry = new SimpleMeterRegistry();
        private EmotionScorer scorer;
        private Supplier<VoiceAnalyzer> voiceAnalyzers;
        private Redactor redactor;
        private AgentLegOptions agentLeg = AgentLegOptions.defaults();
        private Function<SpeechModel, ? extends SpeechRecognizer> recognizerFactory = StreamingRecognizer::new;

        public Builder options(AsrOptions o) {
            this.options = Objects.requireNonNull(o);
            return this;
        }

        /** Shares an already loaded model (the engine will not close it). */
        public Builder model(SpeechModel m) {
            this.model = m;
            return this;
        }

        public Builder meterRegistry(MeterRegistry r) {
            this.registry = Objects.requireNonNull(r);
            return this;
        }

        public Builder emotionScorer(EmotionScorer s) {
            this.scorer = s;
            return this;
        }

        /** One new analyser per call (they keep the caller's baseline). */
        public Builder voiceAnalyzers(Supplier<VoiceAnalyzer> s) {
            this.voiceAnalyzers = s;
            return this;
        }

        public Builder redactor(Redactor r) {
            this.redactor = r;
            return this;
        }

        /** Whether agent legs are transcribed, and how talk-over and silence are measured (default: off). */
        public Builder agentLeg(AgentLegOptions o) {
            this.agentLeg = Objects.requireNonNull(o);
            return this;
        }

        /**
         * How a recogniser is made (default: a Vosk {@link StreamingRecognizer} of the model);
         * tests and fault drills wrap it, e.g. to make one fail.
         */
        public Builder recognizerFactory(Function<SpeechModel, ? extends SpeechRecognizer> f) {
            this.recognizerFactory = Objects.requireNonNull(f);
            return this;
        }

        public SpeechEngine build() {
            if (scorer == null || voiceAnalyzers == null) {
                throw new ConfigException("an EmotionScorer and a VoiceAnalyzer supplier are required");
            }
            if (redactor == null) {
                throw new ConfigException("a Redactor is required: transcripts never leave unredacted");
            }
            return new SpeechEngine(this);
        }
    }
}
