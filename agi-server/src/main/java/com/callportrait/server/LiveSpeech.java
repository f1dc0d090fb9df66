package com.callportrait.server;

import com.callportrait.live.calls.CallRegistry;
import com.callportrait.live.calls.SpeechBridge;
import com.callportrait.events.ConversationRecorder;
import com.callportrait.events.EventWriter;
import com.callportrait.events.SpeechEventRecorder;
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
 * <p>Recognition keeps its own bounded worker pool ({@code cp-asr-N}, {@code CP_ASR_WORKERS}) and
 * the AudioSocket server its own Netty event loops, not the application's shared scheduler: Vosk
 * decoding is long, blocking CPU work, and audio frames must never wait behind periodic tasks.
 *
 * <p>Thread-safe. Lifecycle: {@link #start} (loads the model before any port opens);
 * {@link #close()} stops the AudioSocket server and finalises every open call (queued audio is
 * recognised and the last utterance still reaches the listeners), so close it before the event
 * writer.
 */
public final class LiveSpeech implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveSpeech.class);

    private final SpeechEngine engine;
    private final AudioSocketServer server;
    private final InetSocketAddress address;
    private final long loadMillis;

    private LiveSpeech(SpeechEngine engine, AudioSocketServer server, InetSocketAddress address, long loadMillis) {
        this.engine = engine;
        this.server = server;
        this.address = address;
        this.loadMillis = loadMillis;
    }

    /** Loads the model, registers the listeners, starts the AudioSocket server; empty when disabled. */
    static Optional<LiveSpeech> start(SpeechSettings settings, AppOptions app, CallRegistry calls,
                                      boolean amiConfigured, EventWriter events, MeterRegistry registry) {
        if (!settings.enabled()) {
            log.info("speech off (CP_SPEECH=off): no AudioSocket server, no transcripts");
            return Optional.empty();
        }
        long t0 = System.nanoTime();
        SpeechEngine engine = SpeechEngine.builder().options(settings.asr()).agentLeg(settings.agentLeg())
                .emotionScorer(Emotions.scorer()).voiceAnalyzers(Emotions::newVoiceAnalyzer)
                .redactor(Redactors.standard()).meterRegistry(registry).build();
        long loadMillis = (System.nanoTime() - t0) / 1_000_000;
        log.info("speech model {} loaded in {} ms", engine.model().dir(), loadMillis);
        try {
            engine.addListener(SpeechBridge.to(calls, amiConfigured, registry));
            java.util.function.Function<String, Optional<SpeechEventRecorder.CallKeys>> keys = id -> calls.get(id)
                    .map(c -> new SpeechEventRecorder.CallKeys(c.uniqueId(), c.phone()));
            boolean agentLeg = settings.agentLeg().enabled();
            engine.addListener(new SpeechEventRecorder(events, keys, agentLeg));
            if (agentLeg) {
                engine.addListener(new ConversationRecorder(events, keys));
            }
            AudioSocketServer server = engine.startAudioSocket(
                    settings.socket().withHost(app.bindAddress()).withPort(app.audioSocketPort()));
            InetSocketAddress address = new InetSocketAddress(app.bindAddress(), server.port());
            log.info("AudioSocket listening on {}:{}", app.bindAddress(), server.port());
            return Optional.of(new LiveSpeech(engine, server, address, loadMillis));
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
