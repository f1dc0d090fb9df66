package com.callportrait.speech.asr;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The speech pipeline's meters (names start {@code cp.speech.}); the application binds the
 * registry to Prometheus. Thread-safe.
 */
public final class SpeechMetrics {
    final Counter framesReceived;
    final Counter framesShed;
    final Counter partials;
    final Counter partialsDropped;
    final Counter finals;
    final Counter sessionsRejected;
    final Counter listenerErrors;
    final Timer finalLatency;
    final Counter decodedSeconds;
    private final MeterRegistry registry;

    public SpeechMetrics(MeterRegistry registry) {
        this.registry = registry;
        framesReceived = Counter.builder("cp.speech.frames.received").description("audio frames received")
                .register(registry);
        framesShed = Counter.builder("cp.speech.frames.shed")
                .description("audio frames dropped under overload: the call's queue was full, or the frame waited longer than the queue holds").register(registry);
        partials = Counter.builder("cp.speech.partials").description("partial transcripts emitted").register(registry);
        partialsDropped = Counter.builder("cp.speech.partials.dropped")
                .description("partial transcripts skipped because the call's audio waited too long for recognition").register(registry);
        finals = Counter.builder("cp.speech.finals").description("final utterance transcripts emitted")
                .register(registry);
        sessionsRejected = Counter.builder("cp.speech.sessions.rejected")
                .description("AudioSocket sessions ended for a protocol violation").register(registry);
        listenerErrors = Counter.builder("cp.speech.listener.errors").description("exceptions thrown by listeners")
                .register(registry);
        decodedSeconds = Counter.builder("cp.speech.decoded.seconds")
                .description("seconds of audio fed to the recognisers: speech with its pre-roll and hangover, and the"
                        + " comfort noise that closes an utterance; silence between utterances is never fed")
                .register(registry);
        finalLatency = Timer.builder("cp.speech.final.latency")
                .description("from the arrival of the frame that ended an utterance to its final result")
                .publishPercentileHistogram().register(registry);
    }

    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    public void frameReceived() {
        framesReceived.increment();
    }

    public void frameShed() {
        framesShed.increment();
    }

    public void partialEmitted() {
        partials.increment();
    }

    public void partialDropped() {
        partialsDropped.increment();
    }

    public void finalEmitted(Duration latency) {
        finals.increment();
        finalLatency.record(latency);
    }

    /** {@code seconds} of audio went to a recogniser. */
    public void audioDecoded(double seconds) {
        decodedSeconds.increment(seconds);
    }

    public double decodedSecondsCount() {
        return decodedSeconds.count();
    }

    public void sessionRejected() {
        sessionsRejected.increment();
    }

    public void listenerError() {
        listenerErrors.increment();
    }

    public double shedCount() {
        return framesShed.count();
    }

    public double partialsDroppedCount() {
        return partialsDropped.count();
    }

    public double finalsCount() {
        return finals.count();
    }

    public double framesReceivedCount() {
        return framesReceived.count();
    }

    public MeterRegistry registry() {
        return registry;
    }
}
