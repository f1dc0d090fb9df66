package com.callportrait.live.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.live.ami.AmiMessage;
import com.callportrait.speech.emotion.EmotionLabel;
import com.callportrait.speech.emotion.EmotionReading;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallRegistryTest {
    private final CallRegistry calls = CallRegistry.create(Clock.systemUTC(), Duration.ofHours(2));
    private final AmiCallTracker tracker = AmiCallTracker.create(calls, AgentDirectory.parse("Local/agent1@cp-agents=alice"));

    private static AmiMessage event(String name, String channel, String uid, String... more) {
        String[] base = {"Event", name, "Channel", channel, "Uniqueid", uid, "Linkedid", "L" + uid,
                "CallerIDNum", "5551234", "CallerIDName", "Jane Doe"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return AmiMessage.of(all);
    }

    private void playCall(int i) {
        String id = "uuid-" + i;
        String ch = "PJSIP/trunk-" + i;
        String uid = "1700000000." + i;
        calls.routed(new RoutedCall(id, ch, uid, "5551234", "Jane Doe", "billing", 5, "loyal", false, "r",
                Optional.empty()));
        tracker.onEvent(event("QueueCallerJoin", ch, uid, "Queue", "billing", "Position", "1", "Count", "1"));
        calls.transcript(id, 1, false, "my bill");
        calls.transcript(id, 1, true, "my bill is wrong");
        calls.emotion(id, 1, new EmotionReading(EmotionLabel.ANGRY, -0.7, 0.8, 0.9));
        tracker.onEvent(event("AgentCalled", ch, uid, "Queue", "billing", "Interface", "Local/agent1@cp-agents",
                "MemberName", "agent1"));
        tracker.onEvent(event("AgentConnect", ch, uid, "Queue", "billing", "Interface", "Local/agent1@cp-agents",
                "MemberName", "agent1", "HoldTime", "3"));
        tracker.onEvent(event("Hangup", ch + "-tap", "1700000000.9" + i, "Cause", "16"));
        tracker.onEvent(event("Hangup", ch, uid, "Cause", "16", "Cause-txt", "Normal Clearing"));
    }

    @Test
    void followsOneCallFromRouteToHangup() {
        AtomicInteger ended = new AtomicInteger();
        calls.addListener((c, what) -> {
            if (what == CallChange.CONNECTED) {
                assertThat(c.agent()).isEqualTo("alice");
                assertThat(c.queue()).isEqualTo("billing");
                assertThat(c.linkedId()).isEqualTo("L1700000000.1");
                assertThat(c.transcript()).extracting(Utterance::text).containsExactly("my bill is wrong");
                assertThat(c.lastEmotion().orElseThrow().reading().label()).isEqualTo(EmotionLabel.ANGRY);
            }
            if (what == CallChange.ENDED) {
                ended.incrementAndGet();
            }
        });
        playCall(1);
        assertThat(ended).hasValue(1);
        assertThat(calls.size()).isZero();
    }

    @Test
    void noLeaksAfterThousandsOfCalls() {
        for (int i = 0; i < 5000; i++) {
            playCall(i);
        }
        assertThat(calls.size()).isZero();
        assertThat(calls.indexSize()).isZero();
        // Updates for an ended call are ignored, they do not resurrect it.
        calls.transcript("uuid-7", 2, true, "late");
        assertThat(calls.size()).isZero();
    }

    @Test
    void callsWithAMissedHangupExpire() {
        MutableClock clock = new MutableClock();
        CallRegistry reg = CallRegistry.create(clock, Duration.ofMinutes(30));
        reg.routed(new RoutedCall("a", "PJSIP/1", "1.1", "", "", "support", 0, "", false, "", Optional.empty()));
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertThat(reg.expire()).isZero();
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertThat(reg.expire()).isEqualTo(1);
        assertThat(reg.size()).isZero();
        assertThat(reg.indexSize()).isZero();
    }

    @Test
    void escalationNeedsTwoWorseningReadings() {
        calls.routed(new RoutedCall("e", "PJSIP/9", "9.9", "", "", "support", 0, "", false, "", Optional.empty()));
        calls.emotion("e", 1, new EmotionReading(EmotionLabel.FRUSTRATED, -0.4, 0.5, 0.7));
        assertThat(calls.get("e").orElseThrow().escalating()).isFalse();
        calls.emotion("e", 2, new EmotionReading(EmotionLabel.ANGRY, -0.8, 0.8, 0.8));
        assertThat(calls.get("e").orElseThrow().escalating()).isTrue();
        calls.emotion("e", 3, new EmotionReading(EmotionLabel.NEUTRAL, 0, 0.3, 0.8));
        assertThat(calls.get("e").orElseThrow().escalating()).isFalse();
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
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

    @Test
    void finalUtterancesSetTheIntentListenersHearItAndReadingsKnowTheirWords() {
        java.util.List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        calls.addListener((c, what) -> heard.add(what.name()));
        calls.routed(new RoutedCall("i1", "PJSIP/i-1", "2.1", "5551234", "Jane", "support", 5, "s", false, "r",
                Optional.empty()));
        heard.clear();
        calls.transcript("i1", 1, false, "my meter");
        assertThat(calls.get("i1").orElseThrow().intent()).isEmpty(); // partials never count
        calls.transcript("i1", 1, true, "my meter reading is wrong");
        calls.emotion("i1", 1, new EmotionReading(EmotionLabel.FRUSTRATED, -0.4, 0.5, 0.7));
        assertThat(heard).containsExactly("TRANSCRIPT", "TRANSCRIPT", "INTENT", "EMOTION");
        CallSnapshot c = calls.get("i1").orElseThrow();
        assertThat(c.intent()).hasValueSatisfying(i -> {
            assertThat(i.topic()).isEqualTo("meter");
            assertThat(i.evidence()).containsExactly("meter", "reading");
        });
        assertThat(c.lastEmotion().orElseThrow().words()).isEqualTo(5);
        // an utterance with no keyword leaves the intent alone: no INTENT change
        heard.clear();
        calls.transcript("i1", 2, true, "can you help me");
        assertThat(heard).containsExactly("TRANSCRIPT");
    }

    @Test
    void aPriorityIsClaimedOnceAtEachLevelAndReleasedWhenNotMade() {
        calls.routed(new RoutedCall("p1", "PJSIP/p-1", "3.1", "5551234", "Jane", "support", 5, "s", false, "r",
                Optional.empty()));
        assertThat(calls.claimPriority("p1", 5)).isFalse(); // routed at 5 already
        assertThat(calls.claimPriority("p1", 20)).isTrue();
        assertThat(calls.claimPriority("p1", 20)).isFalse();
        assertThat(calls.claimPriority("p1", 30)).isTrue();
        calls.releasePriority("p1", 30);
        assertThat(calls.claimPriority("p1", 20)).isFalse(); // 20 is still claimed
        assertThat(calls.claimPriority("p1", 30)).isTrue();
        assertThat(calls.claimPriority("nobody", 30)).isFalse();
    }
}
