package com.callportrait.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.speech.asr.Word;
import com.callportrait.speech.emotion.EmotionLabel;
import com.callportrait.speech.emotion.EmotionReading;
import com.callportrait.speech.emotion.EmotionTrend;
import com.callportrait.speech.emotion.VoiceFeatures;
import com.callportrait.speech.pipeline.EmotionEvent;
import com.callportrait.speech.pipeline.TranscriptEvent;
import com.callportrait.testkit.ListSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpeechEventRecorderTest {
    static final String CALL = "3d6a2e28-b1c8-4948-baed-34d706a0a6f8";
    static final Instant AT = Instant.parse("2026-11-22T11:00:00Z");

    @Test
    void finalsAndEmotionsAreWrittenPartialsAreNot() {
        ListSink sink = new ListSink();
        EventWriter w = EventWriter.create(sink, 100, new SimpleMeterRegistry()).start();
        SpeechEventRecorder r = new SpeechEventRecorder(w, id -> id.equals(CALL)
                ? Optional.of(new SpeechEventRecorder.CallKeys("1795339360.19", "5551234")) : Optional.empty());

        r.onTranscript(new TranscriptEvent(CALL, 1, false, "i've been", List.of(), 0.09, 0.5, false, AT));
        r.onTranscript(new TranscriptEvent(CALL, 1, true, "i've been waiting for an hour",
                List.of(new Word("waiting", 0.36, 0.78, 1.0)), 0.09, 1.38, false, AT));
        r.onEmotion(new EmotionEvent(CALL, 1, new EmotionReading(EmotionLabel.FRUSTRATED, -0.4, 0.5, 0.7),
                VoiceFeatures.NONE, new EmotionTrend.Snapshot(-0.4, 0.5, 1, EmotionLabel.FRUSTRATED, true, 0.0),
                0.09, 1.38, AT));
        r.onTranscript(new TranscriptEvent("other", 1, true, "hello", List.of(), 0, 1, true, AT));
        w.close(Duration.ofSeconds(5));

        assertThat(sink.events).extracting(CallEvent::type).containsExactly("transcript", "emotion", "transcript");
        CallEvent t = sink.events.get(0);
        assertThat(t.body()).containsEntry("call", CALL).containsEntry("uniqueid", "1795339360.19")
                .containsEntry("phone", "5551234").containsEntry("ts", "2026-11-22T11:00:00Z")
                .containsEntry("final", "1").containsEntry("utterance", "1")
                .containsEntry("text", "i've been waiting for an hour").containsEntry("start_ms", "90")
                .containsEntry("end_ms", "1380").containsEntry("degraded", "0");
        assertThat(sink.events.get(1).body()).containsEntry("label", "frustrated").containsEntry("valence", "-0.400")
                .containsEntry("arousal", "0.500").containsEntry("confidence", "0.700")
                .containsEntry("escalating", "1").containsEntry("source", "fused");
        assertThat(sink.events.get(2).body()).containsEntry("uniqueid", "").containsEntry("phone", "")
                .containsEntry("degraded", "1");
    }
}
