package com.callportrait.server;

import com.callportrait.common.config.Env;
import com.callportrait.live.calls.SpeechBridge;
import com.callportrait.events.EventWriter;
import com.callportrait.events.SpeechEventRecorder;
import com.callportrait.speech.asr.AsrOptions;
import com.callportrait.speech.audiosocket.AudioSocketOptions;
import com.callportrait.speech.audiosocket.AudioSocketServer;
import com.callportrait.speech.emotion.Emotions;
import com.callportrait.speech.pipeline.SpeechEngine;
import com.callportrait.speech.pipeline.SpeechListener;
import com.callportrait.speech.redact.Redactors;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live speech part of the application: the Vosk model (loaded once, at start-up), the
 * {@link SpeechEngine} with the bundled emotion scorer and the standard redactor, the AudioSocket
 * server on {@code CP_AUDIOSOCKET_PORT}, and two listeners: {@link SpeechBridge} (transcripts and
 * emotions into the live call state, partials included) and {@link SpeechEventRecorder} (finals and
 * emotions into {@code cp:events}).
 *
 * <p>Thread-safe. Lifecycle: {@link #start}; {@link #close()} stops the AudioSocket server and
 * finalises every open call (its last utterance still reaches the listeners), so close it before
 * the event writer.
 */
public final class SpeechStack implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SpeechStack.class);

    /**
     * Speech settings of the application. Immutable and thread-safe; built by {@link #from(Env)} at
     * start-up or by {@link #builder()}, whose defaults are {@link #DEFAULT_ENABLED} and the speech
     * module's own defaults.
     *
     * @param enabled {@code CP_SPEECH} (on | off, default on): off = no model, no AudioSocket server
     * @param asr     recognition settings ({@code CP_ASR_*}, {@code CP_VOSK_MODEL}, {@code CP_DATA_DIR})
     * @param socket  AudioSocket settings ({@code CP_AUDIOSOCKET_*}); host and port are taken from {@link AppOptions}
     */
    public record Settings(boolean enabled, AsrOptions asr, AudioSocketOptions socket) {
        /** Speech is on unless {@code CP_SPEECH=off}. */
        public static final boolean DEFAULT_ENABLED = true;

        public Settings {
            java.util.Objects.requireNonNull(asr, "asr");
            java.util.Objects.requireNonNull(socket, "socket");
        }

        /** The settings from {@code env}; a bad value names its variable. */
        public static Settings from(Env env) {
            return new Settings(env.bool("CP_SPEECH", DEFAULT_ENABLED), AsrOptions.from(env), AudioSocketOptions.from(env));
        }

        /** As {@link #from(Env)} over the given variables (callers that hold a map). */
        public static Settings fromEnv(Map<String, String> env) {
            return from(Env.of(env));
        }

        /** Speech on, with the speech module's defaults. */
        public static Settings defaults() {
            return new Settings(DEFAULT_ENABLED, AsrOptions.defaults(), AudioSocketOptions.defaults());
        }

        /** No speech (tests and benchmarks of the other parts). */
        public static Settings off() {
            return new Settings(false, AsrOptions.defaults(), AudioSocketOptions.defaults());
        }

        /** A builder starting from {@link #defaults()}. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Settings}. Not thread-safe. */
        public static final class Builder {
            private boolean enabled = DEFAULT_ENABLED;
            private AsrOptions asr = AsrOptions.defaults();
            private AudioSocketOptions socket = AudioSocketOptions.defaults();

            private Builder() {
            }

            public Builder enabled(boolean v) {
                enabled = v;
                return this;
            }

            public Builder asr(AsrOptions v) {
                asr = v;
                return this;
            }

            public Builder socket(AudioSocketOptions v) {
                socket = v;
                return this;
            }

            public Settings build() {
                return new Settings(enabled, asr, socket);
            }
        }
    }

    private final SpeechEngine engine;
    private final AudioSocketServer server;
    private final InetSocketAddress address;
    private final long loadMillis;

    private SpeechStack(SpeechEngine engine, AudioSocketServer server, InetSocketAddress address, long loadMillis) {
        this.engine = engine;
        this.server = server;
        this.address = address;
        this.loadMillis = loadMillis;
    }

    /** Loads the model, registers the listeners, starts the AudioSocket server; empty when disabled. */
    static Optional<SpeechStack> start(Settings settings, AppOptions app, com.callportrait.live.LiveStack live,
                                       EventWriter events,
                                       MeterRegistry registry) {
        if (!settings.enabled()) {
            log.info("speech off (CP_SPEECH=off): no AudioSocket server, no transcripts");
            return Optional.empty();
        }
        long t0 = System.nanoTime();
        SpeechEngine engine = SpeechEngine.builder().options(settings.asr())
                .emotionScorer(Emotions.scorer()).voiceAnalyzers(Emotions::newVoiceAnalyzer)
                .redactor(Redactors.standard()).meterRegistry(registry).build();
        long loadMillis = (System.nanoTime() - t0) / 1_000_000;
        log.info("speech model {} loaded in {} ms", engine.model().dir(), loadMillis);
        try {
            engine.addListener(SpeechBridge.to(live.calls(), live.amiConfigured(), registry));
            engine.addListener(new SpeechEventRecorder(events, id -> live.calls().get(id)
                    .map(c -> new SpeechEventRecorder.CallKeys(c.uniqueId(), c.phone()))));
            AudioSocketServer server = engine.startAudioSocket(
                    settings.socket().withHost(app.bindAddress()).withPort(app.audioSocketPort()));
            InetSocketAddress address = new InetSocketAddress(app.bindAddress(), server.port());
            log.info("AudioSocket listening on {}:{}", app.bindAddress(), server.port());
            return Optional.of(new SpeechStack(engine, server, address, loadMillis));
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /** Adds an in-process listener (runs on recognition workers: return quickly). */
    public void addListener(SpeechListener l) {
        engine.addListener(l);
    }

    public SpeechEngine engine() {
        return engine;
    }

    /** Where the AudioSocket server listens (the bind address and the actual port). */
    public InetSocketAddress audioSocketAddress() {
        return address;
    }

    /** For {@code /health}. */
    Map<String, Object> health() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", engine.model().dir().getFileName().toString());
        m.put("sample_rate", engine.model().sampleRate());
        m.put("model_load_ms", loadMillis);
        m.put("audiosocket_port", server.port());
        m.put("calls", engine.activeCalls());
        m.put("workers", engine.options().workers());
        return m;
    }

    @Override
    public void close() {
        log.info("stopping speech: {} open calls are finalised", engine.activeCalls());
        engine.close();
    }
}
