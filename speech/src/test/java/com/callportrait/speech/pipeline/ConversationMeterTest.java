package com.callportrait.speech.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.callportrait.speech.asr.SpeechMetrics;
import com.callportrait.speech.asr.Word;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ConversationMeterTest {
    static final String CALL = "3d6a2e28-b1c8-4948-baed-34d706a0a6f8";

    final List<ConversationEvent> seen = new CopyOnWriteArrayList<>();
    final Listeners listeners = new Listeners(new SpeechMetrics(new SimpleMeterRegistry()));
    final ConversationMeter meter = new ConversationMeter(listeners, 0.3);

    ConversationMeterTest() {
        listeners.add(meter);
        listeners.add(new SpeechListener() {
            @Override
            public void onTranscript(TranscriptEvent event) {
            }

            @Override
            public void onEmotion(EmotionEvent event) {
            }

            @Override
            public void onConversation(ConversationEvent event) {
                seen.add(event);
            }
        });
    }

    static TranscriptEvent words(Speaker who, int n, double... times) {
        List<Word> w = new java.util.ArrayList<>();
        for (int i = 0; i < times.length; i += 2) {
            w.add(new Word("w" + i, times[i], times[i + 1], 1.0));
        }
        return new TranscriptEvent(CALL, n, true, "words", w, times[0], times[times.length - 1], false,
                Instant.now(), who);
    }

    @Test
    void runningFiguresAfterTheAgentJoinsAndFinalOnesWhenBothLegsEnd() {
        listeners.legStarted(CALL, Speaker.CALLER, 0);
        listeners.transcript(words(Speaker.CALLER, 1, 1, 2)); // in the queue: nothing to report
        assertThat(seen).isEmpty();
        listeners.legStarted(CALL, Speaker.AGENT, 3);
        listeners.transcript(words(Speaker.CALLER, 2, 4, 6));
        listeners.transcript(words(Speaker.AGENT, 1, 5, 7));
        assertThat(seen).hasSize(2).noneMatch(ConversationEvent::isFinal);
        assertThat(seen.get(1).figures().talkOverSec()).isCloseTo(1, within(1e-9));
        assertThat(seen.get(1).figures().connectedSec()).isCloseTo(4, within(1e-9)); // 3 s to 7 s heard

        listeners.legEnded(CALL, Speaker.CALLER, 10, "hangup");
        assertThat(seen).hasSize(2); // the agent's leg may still deliver words
        listeners.legEnded(CALL, Speaker.AGENT, 10.2, "hangup");
        ConversationEvent last = seen.get(2);
        assertThat(last.isFinal()).isTrue();
        assertThat(last.figures().connectedSec()).isCloseTo(7, within(1e-9)); // 3 s to the first leg's end
        assertThat(last.figures().silenceSec()).isCloseTo(4, within(1e-9));  // 3-4 and 7-10
        assertThat(meter.open()).isZero();
    }

    @Test
    void aCallWhoseAgentIsNeverTappedReportsNothingAndLeavesNothing() {
        listeners.legStarted(CALL, Speaker.CALLER, 0);
        listeners.transcript(words(Speaker.CALLER, 1, 1, 2));
        listeners.legEnded(CALL, Speaker.CALLER, 5, "hangup");
        assertThat(seen).isEmpty();
        assertThat(meter.open()).isZero();
    }
}
