package com.callportrait.calls;

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
                new EmotionTrend.Snapshot(-0.8, 0.9, 1, EmotionLabel.ANGRY, false), 0.2, 4.1, now));
        CallSnapshot c = calls.get("b8614daa-fdd9-44c2-9c87-72250d1e743a").orElseThrow();
        assertThat(c.transcript()).extracting(Utterance::text)
                .containsExactly("been waiting for an hour i want to speak to a manager");
        assertThat(c.lastEmotion().orElseThrow().reading().label()).isEqualTo(EmotionLabel.ANGRY);
    }
}
