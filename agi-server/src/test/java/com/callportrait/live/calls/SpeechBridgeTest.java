package com.callportrait.live.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.speech.emotion.EmotionLabel;
import com.callportrait.speech.emotion.EmotionReading;
import com.callportrait.speech.emotion.EmotionTrend;
import com.callportrait.speech.emotion.VoiceFeatures;
import com.callportrait.speech.pipeline.EmotionEvent;
import com.callportrait.speech.pipeline.TranscriptEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.Test;

class SpeechBridgeTest {
    @Test
    void speechEventsLandInTheLiveCallWithTheSameId() {
        CallRegistry calls = CallRegistry.create(Clock.systemUTC(), Duration.ofHours(1));
        calls.routed(new RoutedCall("b8614daa-fdd9-44c2-9c87-72250d1e743a", "PJSIP/1", "1.1", "5551234", "Jane",
                "billing", 5, "", false, "", Optional.empty()));
        SpeechBridge bridge = SpeechBridge.to(calls);
        Instant now = Instant.now();
        bridge.onTranscript(new TranscriptEvent("b8614daa-fdd9-44c2-9c87-72250d1e743a", 1, false, "been waiting",
                List.of(), 0.2, 1.0, false, now));
        bridge.onTranscript(new TranscriptEvent("b8614daa-fdd9-44c2-9c87-72250d1e743a", 1, true,
                "been waiting for an hour i want to speak to a manager", List.of(), 0.2, 4.1, false, now));
        bridge.onEmotion(new EmotionEvent("b8614daa-fdd9-44c2-9c87-72250d1e743a", 1,
                new EmotionReading(EmotionLabel.ANGRY, -0.8, 0.9, 0.8), VoiceFeatures.NONE,
                new EmotionTrend.Snapshot(-0.8, 0.9, 1, EmotionLabel.ANGRY, false, 0.0), 0.2, 4.1, now));
        CallSnapshot c = calls.get("b8614daa-fdd9-44c2-9c87-72250d1e743a").orElseThrow();
        assertThat(c.transcript()).extracting(Utterance::text)
                .containsExactly("been waiting for an hour i want to speak to a manager");
        assertThat(c.lastEmotion().orElseThrow().reading().label()).isEqualTo(EmotionLabel.ANGRY);
    }

    private static final Instant NOW = Instant.now();

    private static TranscriptEvent words(String callId, int utterance) {
        return new TranscriptEvent(callId, utterance, true, "i want to speak to a manager", List.of(), 0.2, 1.0, false,
                NOW);
    }

    private static EmotionEvent angry(String callId, int utterance) {
        return new EmotionEvent(callId, utterance, new EmotionReading(EmotionLabel.ANGRY, -0.8, 0.9, 0.8),
                VoiceFeatures.NONE, new EmotionTrend.Snapshot(-0.8, 0.9, 1, EmotionLabel.ANGRY, false, 0.0), 0.2, 1.0, NOW);
    }

    private static double unmatched(SimpleMeterRegistry r, String reason) {
        return r.get("cp.speech.updates.unmatched").tag("reason", reason).counter().count();
    }

    private static ListAppender<ILoggingEvent> logs() {
        ListAppender<ILoggingEvent> a = new ListAppender<>();
        a.start();
        ((Logger) LoggerFactory.getLogger(SpeechBridge.class)).addAppender(a);
        return a;
    }

    @Test
    void updatesForAnUnknownCallAreCountedAndLoggedOncePerCallIdWhenLiveTrackingIsOn() {
        CallRegistry calls = CallRegistry.create(Clock.systemUTC(), Duration.ofHours(1));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SpeechBridge bridge = SpeechBridge.to(calls, true, registry);
        ListAppender<ILoggingEvent> logs = logs();
        try {
            // the dialplan gave AudioSocket ${EXTEN} or a constant, not ${CP_UUID}
            bridge.onTranscript(words("5551234", 1));
            bridge.onEmotion(angry("5551234", 1));
            bridge.onTranscript(words("5551234", 2));
            bridge.onTranscript(words("other-id", 1));
            assertThat(unmatched(registry, "unknown_call")).isEqualTo(4.0);
            assertThat(calls.size()).isZero();
            assertThat(logs.list).filteredOn(l -> l.getLevel() == Level.WARN).extracting(ILoggingEvent::getFormattedMessage)
                    .hasSize(2)
                    .anySatisfy(m -> assertThat(m).contains("5551234").contains("${CP_UUID}").contains("AudioSocket"))
                    .anySatisfy(m -> assertThat(m).contains("other-id"));
        } finally {
            ((Logger) LoggerFactory.getLogger(SpeechBridge.class)).detachAppender(logs);
        }
    }

    @Test
    void theLastWordsOfACallThatJustEndedAreCountedApartAndNotBlamedOnTheDialplan() {
        CallRegistry calls = CallRegistry.create(Clock.systemUTC(), Duration.ofHours(1));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SpeechBridge bridge = SpeechBridge.to(calls, true, registry);
        calls.routed(new RoutedCall("c1", "PJSIP/1", "1.1", "5551234", "Jane", "billing", 5, "", false, "",
                Optional.empty()));
        bridge.onTranscript(words("c1", 1));
        calls.ended("c1", "Hangup");
        ListAppender<ILoggingEvent> logs = logs();
        try {
            bridge.onTranscript(words("c1", 2));
            bridge.onEmotion(angry("c1", 2));
            assertThat(unmatched(registry, "call_ended")).isEqualTo(2.0);
            assertThat(unmatched(registry, "unknown_call")).isZero();
            assertThat(logs.list).isEmpty();
        } finally {
            ((Logger) LoggerFactory.getLogger(SpeechBridge.class)).detachAppender(logs);
        }
    }

    @Test
    void withoutLiveTrackingUnknownCallsAreCountedButNotLogged() {
        CallRegistry calls = CallRegistry.create(Clock.systemUTC(), Duration.ofHours(1));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SpeechBridge bridge = SpeechBridge.to(calls, false, registry);
        ListAppender<ILoggingEvent> logs = logs();
        try {
            bridge.onTranscript(words("b8614daa-fdd9-44c2-9c87-72250d1e743a", 1));
            assertThat(unmatched(registry, "unknown_call")).isEqualTo(1.0);
            assertThat(logs.list).isEmpty();
        } finally {
            ((Logger) LoggerFactory.getLogger(SpeechBridge.class)).detachAppender(logs);
        }
    }
}
