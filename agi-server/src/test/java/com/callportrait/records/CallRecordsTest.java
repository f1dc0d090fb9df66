package com.callportrait.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.live.calls.CallChange;
import com.callportrait.live.calls.CallRegistry;
import com.callportrait.live.calls.CallSnapshot;
import com.callportrait.live.calls.RoutedCall;
import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.speech.emotion.EmotionLabel;
import com.callportrait.speech.emotion.EmotionReading;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CallRecordsTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private static final class Setup {
        final MutableClock clock = new MutableClock();
        final CallRegistry calls = CallRegistry.create(clock, Duration.ofMinutes(10));
        final AtomicReference<CallSnapshot> ended = new AtomicReference<>();

        Setup() {
            calls.addListener((c, change) -> {
                if (change == CallChange.ENDED) {
                    ended.set(c);
                }
            });
            calls.routed(new RoutedCall("c1", "PJSIP/t-1", "1.1", "2152000000", "Jane", "support", 5, "ordinary",
                    false, "default", Optional.empty()));
            clock.now = T0.plusSeconds(5);
            calls.update("c1", false, CallChange.QUEUED, v -> v.queue("support", 1, clock.instant()));
        }
    }

    @Test
    void anAnsweredCallCarriesWaitTalkAgentTranscriptAndItsEmotion() {
        Setup s = new Setup();
        s.clock.now = T0.plusSeconds(65);
        s.calls.update("c1", false, CallChange.CONNECTED, v -> v.agent("agent2").connected(s.clock.instant()));
        s.calls.transcript("c1", 1, false, "my bi");
        s.calls.transcript("c1", 1, true, "my bill is wrong");
        s.calls.emotion("c1", 1, new EmotionReading(EmotionLabel.FRUSTRATED, -0.4, 0.5, 0.7));
        s.calls.emotion("c1", 2, new EmotionReading(EmotionLabel.ANGRY, -0.8, 0.8, 0.8));
        s.clock.now = T0.plusSeconds(365);
        s.calls.ended("c1", "hangup");

        InteractionRecord r = CallRecords.of(s.ended.get(), s.clock.instant(), 4, "resolved");
        assertThat(r.interactionId()).isEqualTo("c1");
        assertThat(r.phone()).isEqualTo("2152000000");
        assertThat(r.start()).isEqualTo(T0);
        assertThat(r.waitSec()).isEqualTo(60);
        assertThat(r.talkSec()).isEqualTo(300);
        assertThat(r.agent()).isEqualTo("agent2");
        assertThat(r.queue()).isEqualTo("support");
        assertThat(r.transcript()).isEqualTo("caller: my bill is wrong");
        assertThat(r.emotion()).isEqualTo("angry");
        assertThat(r.survey()).isEqualTo(4);
        assertThat(r.outcome()).isEqualTo("resolved");
        // "my bill is wrong", said first: the live intent is the record's topic
        assertThat(r.topic()).isEqualTo("billing");
    }

    @Test
    void aCallerWhoHangsUpInTheQueueAbandoned() {
        Setup s = new Setup();
        s.clock.now = T0.plusSeconds(45);
        s.calls.ended("c1", "hangup");
        InteractionRecord r = CallRecords.of(s.ended.get(), s.clock.instant(), null, null);
        assertThat(r.outcome()).isEqualTo("abandoned");
        assertThat(r.waitSec()).isEqualTo(40);
        assertThat(r.talkSec()).isZero();
        assertThat(r.emotion()).isNull();
        assertThat(r.transcript()).isNull();
        assertThat(r.topic()).isNull(); // nothing said: the engine decides
    }

    @Test
    void dispositionsMapToTheEngineOutcomes() {
        assertThat(CallRecords.outcome("follow_up")).isEqualTo("unresolved");
        assertThat(CallRecords.outcome("escalated")).isEqualTo("escalated");
        assertThatThrownBy(() -> CallRecords.outcome("maybe")).isInstanceOf(IllegalArgumentException.class);
    }

    private static final class MutableClock extends Clock {
        volatile Instant now = T0;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
