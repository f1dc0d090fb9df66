package com.callportrait.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.speech.conversation.TalkFigures;
import com.callportrait.speech.emotion.EmotionLabel;
import com.callportrait.speech.emotion.EmotionReading;
import com.callportrait.speech.emotion.EmotionTrend;
import com.callportrait.speech.emotion.VoiceFeatures;
import com.callportrait.speech.pipeline.ConversationEvent;
import com.callportrait.speech.pipeline.EmotionEvent;
import com.callportrait.speech.pipeline.Speaker;
import com.callportrait.speech.pipeline.TranscriptEvent;
import com.callportrait.testkit.ListSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Speaker fields and the conversation entry in {@code cp:events}. */
class ConversationRecorderTest {
    static final String CALL = "3d6a2e28-b1c8-4948-baed-34d706a0a6f8";
    static final Instant AT = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void onlyTheFinalFiguresAreWrittenWithTheKeysRememberedFromTheLiveCall() {
        ListSink sink = new ListSink();
        EventWriter w = EventWriter.create(sink, 100, new SimpleMeterRegistry()).start();
        Map<String, SpeechEventRecorder.CallKeys> live = new ConcurrentHashMap<>();
        live.put(CALL, new SpeechEventRecorder.CallKeys("1795339360.19", "5551234"));
        ConversationRecorder r = new ConversationRecorder(w, id -> Optional.ofNullable(live.get(id)));

        r.onConversation(new ConversationEvent(CALL, new TalkFigures(4, 2, 2, 1, 1), false, AT));
        live.clear(); // the call hung up: the live state forgot it before the legs' last words
        r.onConversation(new ConversationEvent(CALL, new TalkFigures(20, 9, 6, 1.5, 6.5), true, AT));
        w.close(Duration.ofSeconds(5));

        assertThat(sink.events).extracting(CallEvent::type).containsExactly("conversation");
        assertThat(sink.events.get(0).body()).containsEntry("call", CALL).containsEntry("uniqueid", "1795339360.19")
                .containsEntry("phone", "5551234").containsEntry("connected_ms", "20000")
                .containsEntry("caller_talk_ms", "9000").containsEntry("agent_talk_ms", "6000")
                .containsEntry("talk_over_ms", "1500").containsEntry("silence_ms", "6500")
                .containsEntry("talk_over_share", "0.075").containsEntry("silence_share", "0.325");
        assertThat(r.remembered()).isZero();
    }

    @Test
    void transcriptsAndEmotionsSaySpeakerOnlyWhenTheAgentIsTapped() {
        for (boolean tapped : new boolean[] {false, true}) {
            ListSink sink = new ListSink();
            EventWriter w = EventWriter.create(sink, 100, new SimpleMeterRegistry()).start();
            SpeechEventRecorder r = new SpeechEventRecorder(w, id -> Optional.empty(), tapped);
            r.onTranscript(new TranscriptEvent(CALL, 1, true, "my bill is wrong", List.of(), 0, 1, false, AT));
            r.onTranscript(new TranscriptEvent(CALL, 1, true, "let me check", List.of(), 1, 2, false, AT,
                    Speaker.AGENT));
            r.onEmotion(new EmotionEvent(CALL, 1, new EmotionReading(EmotionLabel.FRUSTRATED, -0.4, 0.5, 0.7),
                    VoiceFeatures.NONE, new EmotionTrend.Snapshot(-0.4, 0.5, 1, EmotionLabel.FRUSTRATED, false, 0.0),
                    0, 1, AT));
            w.close(Duration.ofSeconds(5));
            if (tapped) {
                assertThat(sink.events).extracting(e -> e.fields().get("speaker"))
                        .containsExactly("caller", "agent", "caller");
            } else {
                assertThat(sink.events).allSatisfy(e -> assertThat(e.fields()).doesNotContainKey("speaker"));
            }
        }
    }
}
