package com.callportrait.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.callportrait.live.calls.CallChange;
import com.callportrait.live.calls.CallRegistry;
import com.callportrait.live.calls.CallSnapshot;
import com.callportrait.live.calls.RoutedCall;
import com.callportrait.portrait.collect.InteractionJson;
import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.speech.conversation.TalkFigures;
import com.callportrait.speech.pipeline.Speaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The interaction record of a call whose agent leg was tapped: speakers in the transcript, talk-over and silence. */
class CallRecordsTalkTest {
    static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    static final class StepClock extends Clock {
        volatile Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final StepClock clock = new StepClock();
    final CallRegistry calls = CallRegistry.create(clock, Duration.ofMinutes(10));
    final AtomicReference<CallSnapshot> ended = new AtomicReference<>();

    CallRecordsTalkTest() {
        calls.addListener((c, change) -> {
            if (change == CallChange.ENDED) {
                ended.set(c);
            }
        });
        calls.routed(new RoutedCall("c1", "PJSIP/t-1", "1.1", "2152000000", "Jane", "support", 5, "ordinary",
                false, "default", Optional.empty()));
        calls.update("c1", false, CallChange.CONNECTED, v -> v.agent("agent2").connected(clock.instant()));
        calls.agentLegStarted("c1");
        calls.transcript("c1", 1, true, "my bill is wrong", Speaker.CALLER);
        calls.transcript("c1", 1, false, "let me", Speaker.AGENT);
        calls.transcript("c1", 2, false, "and", Speaker.CALLER);
        calls.transcript("c1", 1, true, "let me check that for you", Speaker.AGENT);
        calls.transcript("c1", 2, true, "and the fee", Speaker.CALLER);
    }

    @Test
    void theTranscriptNamesEachSpeakerAndAPartialIsReplacedByItsOwnFinal() {
        CallSnapshot c = calls.get("c1").orElseThrow();
        assertThat(c.transcript()).extracting(u -> u.speaker().wireName() + ":" + u.text() + (u.isFinal() ? "" : "…"))
                .containsExactly("caller:my bill is wrong", "agent:let me check that for you", "caller:and the fee");
        assertThat(c.agentWords()).hasSize(1);
        calls.ended("c1", "hangup");
        InteractionRecord r = CallRecords.of(ended.get(), clock.instant(), null, null);
        assertThat(r.transcript()).isEqualTo("caller: my bill is wrong\nagent: let me check that for you\n"
                + "caller: and the fee");
    }

    @Test
    void runningFiguresAreExtendedToTheHangupAsSilence() {
        clock.now = T0.plusSeconds(20);
        calls.talk("c1", new TalkFigures(20, 8, 7, 1, 6), false);
        clock.now = T0.plusSeconds(25); // five quiet seconds, then the hangup
        calls.ended("c1", "hangup");
        InteractionRecord r = CallRecords.of(ended.get(), clock.instant(), null, null);
        assertThat(r.talkTime().connectedSec()).isCloseTo(25, within(1e-9));
        assertThat(r.talkTime().talkOverSec()).isCloseTo(1, within(1e-9));
        assertThat(r.talkTime().silenceSec()).isCloseTo(11, within(1e-9));
        assertThat(r.talkTime().silenceShare()).isCloseTo(0.44, within(1e-9));

        InteractionRecord back = InteractionJson.decode(InteractionJson.encode(r));
        assertThat(back).isEqualTo(r);
        assertThat(InteractionJson.encode(r)).contains("\"talk_over_sec\":1.0").contains("\"silence_share\":0.44");
    }

    @Test
    void finalFiguresAreTakenAsTheyAre() {
        clock.now = T0.plusSeconds(20);
        calls.talk("c1", new TalkFigures(18, 8, 7, 1, 4), true);
        clock.now = T0.plusSeconds(40);
        calls.ended("c1", "hangup");
        InteractionRecord r = CallRecords.of(ended.get(), clock.instant(), null, null);
        assertThat(r.talkTime().connectedSec()).isCloseTo(18, within(1e-9));
        assertThat(r.talkTime().silenceSec()).isCloseTo(4, within(1e-9));
    }

    @Test
    void aCallWithoutTheAgentLegHasNoFiguresAndTheOldJson() {
        CallRegistry plain = CallRegistry.create(clock, Duration.ofMinutes(10));
        AtomicReference<CallSnapshot> last = new AtomicReference<>();
        plain.addListener((c, ch) -> last.set(c));
        plain.routed(new RoutedCall("c2", "PJSIP/t-2", "2.1", "2152000001", "Joe", "support", 5, "ordinary",
                false, "default", Optional.empty()));
        plain.transcript("c2", 1, true, "hello");
        plain.ended("c2", "hangup");
        InteractionRecord r = CallRecords.of(last.get(), clock.instant(), null, null);
        assertThat(r.talkTime()).isNull();
        assertThat(r.transcript()).isEqualTo("caller: hello");
        assertThat(InteractionJson.encode(r)).doesNotContain("talk_over").doesNotContain("silence");
    }
}
