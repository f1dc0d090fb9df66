package com.callportrait.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.common.config.ReloadingFile;
import com.callportrait.live.ami.AmiAction;
import com.callportrait.live.ami.AmiMessage;
import com.callportrait.live.ami.AmiNotConnectedException;
import com.callportrait.live.ami.AmiResponse;
import com.callportrait.live.calls.AgentDirectory;
import com.callportrait.live.calls.AmiCallTracker;
import com.callportrait.live.calls.CallRegistry;
import com.callportrait.live.calls.RoutedCall;
import com.callportrait.events.CallEvent;
import com.callportrait.events.EventWriter;
import com.callportrait.speech.emotion.EmotionLabel;
import com.callportrait.speech.emotion.EmotionReading;
import com.callportrait.testkit.Await;
import com.callportrait.testkit.ListSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LivePolicyTest {
    private final CallRegistry calls = CallRegistry.create(Clock.systemUTC(), Duration.ofHours(1));
    private final List<AmiAction> sent = new CopyOnWriteArrayList<>();
    private final AtomicBoolean amiUp = new AtomicBoolean(true);
    private final ListSink sink = new ListSink();
    private final EventWriter events = EventWriter.create(sink, 1000, new SimpleMeterRegistry()).start();
    private final List<String> alerts = new CopyOnWriteArrayList<>();

    private CompletionStage<AmiResponse> ami(AmiAction a) {
        if (!amiUp.get()) {
            return CompletableFuture.failedFuture(new AmiNotConnectedException("AMI not connected"));
        }
        sent.add(a);
        return CompletableFuture.completedFuture(new AmiResponse(AmiMessage.of("Response", "Success", "Message",
                "Priority change for caller on queue"), List.of()));
    }

    private LivePolicy current;

    private LivePolicy p() {
        return current;
    }

    private LivePolicy policy(java.util.function.Supplier<LiveRules> rules) {
        LivePolicy p = LivePolicy.create(calls, rules, this::ami, events, (c, r, m) -> alerts.add(c.agent() + ":" + m),
                new SimpleMeterRegistry());
        calls.addListener(p);
        current = p;
        return p;
    }

    /**
     * The caller says a sentence of ordinary length: its final transcript, then its reading, as the
     * speech pipeline delivers them (the evidence guard counts a reading's words).
     */
    private void say(String id, int n, EmotionReading r) {
        calls.transcript(id, n, true, "this is what the caller said just now");
        calls.emotion(id, n, r);
    }

    @AfterEach
    void close() {
        events.close(Duration.ofSeconds(1));
    }

    private void waitingCall(String id, String channel, boolean vip) {
        calls.routed(new RoutedCall(id, channel, id + ".1", "5551234", "Jane", "billing", 5, "s", vip, "r",
                Optional.empty()));
        AmiCallTracker.create(calls, AgentDirectory.identity()).onEvent(AmiMessage.of("Event", "QueueCallerJoin",
                "Channel", channel, "Uniqueid", id + ".1", "Queue", "billing", "Position", "2"));
    }

    @Test
    void anAngryWaitingCallerIsMovedUpOnceByChannelName() {
        policy(LiveRulesLoader.source(Optional.empty()));
        waitingCall("c1", "PJSIP/trunk-00000001", false);
        say("c1", 1, new EmotionReading(EmotionLabel.NEUTRAL, 0, 0.2, 0.9));
        assertThat(sent).isEmpty();
        say("c1", 2, new EmotionReading(EmotionLabel.ANGRY, -0.8, 0.9, 0.85));
        say("c1", 3, new EmotionReading(EmotionLabel.ANGRY, -0.9, 0.95, 0.9));
        assertThat(sent).hasSize(1);
        AmiAction a = sent.get(0);
        assertThat(a.name()).isEqualTo("QueueChangePriorityCaller");
        assertThat(a.value("Caller")).isEqualTo("PJSIP/trunk-00000001");
        assertThat(a.value("Queue")).isEqualTo("billing");
        assertThat(a.value("Priority")).isEqualTo("20");
        assertThat(a.value("Immediate")).isEqualTo("yes");
        assertThat(calls.get("c1").orElseThrow().priority()).isEqualTo(20);
        Await.until(5, () -> sink.ofType("action").size() == 1);
        CallEvent audit = sink.ofType("action").get(0);
        assertThat(audit.fields()).containsEntry("rule", "angry-waiting").containsEntry("action", "raise_priority")
                .containsEntry("outcome", "ok");
        assertThat(audit.fields().get("evidence")).contains("emotion=angry", "confidence=0.85", "state=waiting");
    }

    @Test
    void aVipIsRedirectedOnceAfterTheWaitAndAConnectedEscalationAlerts(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("live.yaml");
        Files.writeString(f, """
                rate_limit: {actions_per_second: 100, per_call_max: 5}
                rules:
                  - name: vip-now
                    when: {state: waiting, vip: true, min_wait_seconds: 0}
                    then: {redirect: {context: cp-escalation}}
                  - name: vip-again
                    when: {state: waiting, vip: true}
                    then: {redirect: {context: other}}
                  - name: esc
                    when: {state: connected, escalating: true}
                    then: {alert: "calm down"}
                """, StandardCharsets.UTF_8);
        try (ReloadingFile<LiveRules> src = LiveRulesLoader.source(Optional.of(f))) {
            LivePolicy p = policy(src);
            waitingCall("v1", "PJSIP/vip-1", true);
            p.tick();
            p.tick();
            assertThat(sent).extracting(AmiAction::name).containsExactly("Redirect");
            assertThat(sent.get(0).value("Context")).isEqualTo("cp-escalation");
            assertThat(sent.get(0).value("Channel")).isEqualTo("PJSIP/vip-1");

            waitingCall("v2", "PJSIP/x-2", false);
            AmiCallTracker.create(calls, AgentDirectory.identity()).onEvent(AmiMessage.of("Event", "AgentConnect",
                    "Channel", "PJSIP/x-2", "Uniqueid", "v2.1", "MemberName", "bob", "Interface", "PJSIP/bob"));
            say("v2", 1, new EmotionReading(EmotionLabel.FRUSTRATED, -0.4, 0.5, 0.8));
            say("v2", 2, new EmotionReading(EmotionLabel.ANGRY, -0.8, 0.7, 0.8));
            say("v2", 3, new EmotionReading(EmotionLabel.ANGRY, -0.9, 0.9, 0.8));
            assertThat(alerts).containsExactly("bob:calm down");
        }
    }

    @Test
    void anActionNotSentBecauseAmiWasDownIsTriedAgainLaterButNeverTwice() {
        LivePolicy p = policy(LiveRulesLoader.source(Optional.empty()));
        amiUp.set(false);
        waitingCall("d1", "PJSIP/d-1", false);
        say("d1", 1, new EmotionReading(EmotionLabel.ANGRY, -0.8, 0.9, 0.9));
        assertThat(sent).isEmpty();
        amiUp.set(true);
        p.tick();
        p.tick();
        assertThat(sent).hasSize(1);
    }

    @Test
    void anOutageLongerThanTheCallsActionBudgetStillSendsTheActionOnceAfterwards() {
        // Regression: each failed attempt during the outage used to be recorded as an action, so
        // after per_call_max (3) seconds of outage the rule could never fire again for that call.
        LivePolicy p = policy(LiveRulesLoader.source(Optional.empty()));
        amiUp.set(false);
        waitingCall("o1", "PJSIP/o-1", false);
        say("o1", 1, new EmotionReading(EmotionLabel.ANGRY, -0.8, 0.9, 0.9));
        for (int i = 0; i < 6; i++) {
            p.tick();
        }
        assertThat(calls.get("o1").orElseThrow().actions()).isEmpty();
        amiUp.set(true);
        p.tick();
        p.tick();
        assertThat(sent).extracting(a -> a.value("Caller")).containsExactly("PJSIP/o-1");
        Await.until(5, () -> sink.ofType("action").size() == 1);
        assertThat(sink.ofType("action").get(0).fields()).containsEntry("outcome", "ok");
    }

    @Test
    void whileAmiIsNotReadyNoAmiRuleIsTriedButAlertsStillAre() {
        AtomicBoolean ready = new AtomicBoolean(false);
        LivePolicy p = LivePolicy.create(calls, LiveRulesLoader.source(Optional.empty()), this::ami, events,
                (c, r, m) -> alerts.add(c.agent() + ":" + m), new SimpleMeterRegistry(), ready::get);
        calls.addListener(p);
        waitingCall("n1", "PJSIP/n-1", false);
        say("n1", 1, new EmotionReading(EmotionLabel.ANGRY, -0.8, 0.9, 0.9));
        p.tick();
        assertThat(sent).isEmpty();
        assertThat(calls.get("n1").orElseThrow().firedRules()).isEmpty();
        ready.set(true);
        p.tick();
        p.tick();
        assertThat(sent).hasSize(1);
    }

    @Test
    void theGlobalRateLimitHolds(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("live.yaml");
        Files.writeString(f, """
                rate_limit: {actions_per_second: 2, per_call_max: 3}
                rules:
                  - name: angry
                    when: {state: waiting, emotion: [angry]}
                    then: {raise_priority: 9}
                """, StandardCharsets.UTF_8);
        try (ReloadingFile<LiveRules> src = LiveRulesLoader.source(Optional.of(f))) {
            policy(src);
            long t0 = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                waitingCall("r" + i, "PJSIP/r-" + i, false);
                say("r" + i, 1, new EmotionReading(EmotionLabel.ANGRY, -0.8, 0.9, 0.9));
            }
            // Burst of 2, then 2 per second: a slow (shared) machine may refill a few tokens meanwhile.
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(sent.size()).isBetween(2, 2 + (int) Math.ceil(seconds * 2));
            assertThat(sent.size()).isLessThan(10);
        }
    }

    @Test
    void aBrokenEditKeepsTheRulesInForce(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("live.yaml");
        Files.writeString(f, "rate_limit: {actions_per_second: 5, per_call_max: 1}\nrules: []\n");
        try (ReloadingFile<LiveRules> src = LiveRulesLoader.source(Optional.of(f))) {
            Files.writeString(f, "rate_limit: {actions_per_second: 5, per_call_max: 1}\nrules:\n"
                    + "  - name: x\n    when: {emotion: [furious]}\n    then: {alert: hi}\n");
            assertThat(src.checkNow()).isFalse();
            assertThat(src.current().rules()).isEmpty();
            Files.writeString(f, "rate_limit: {actions_per_second: 5, per_call_max: 1}\nrules:\n"
                    + "  - name: x\n    when: {emotion: [angry]}\n    then: {alert: hello}\n");
            assertThat(src.checkNow()).isTrue();
            assertThat(src.current().rules()).hasSize(1);
        }
    }

    private static EmotionReading reading(EmotionLabel label, double confidence, double escalation) {
        return new EmotionReading(label, label == EmotionLabel.NEUTRAL ? 0 : -0.8, 0.8, confidence, escalation);
    }

    private void connect(String id, String channel, String agent) {
        AmiCallTracker.create(calls, AgentDirectory.identity()).onEvent(AmiMessage.of("Event", "AgentConnect",
                "Channel", channel, "Uniqueid", id + ".1", "MemberName", agent, "Interface", "PJSIP/" + agent));
    }

    @Test
    void aWordOrTwoOnNoiseOrOneUnsureReadingNeverActsButTwoAgreeingReadingsDo() {
        policy(LiveRulesLoader.source(Optional.empty()));
        waitingCall("g1", "PJSIP/g-1", false);
        // phantom words on line noise, scored as furious as can be: fewer than min_words, ignored
        calls.transcript("g1", 1, true, "manager now");
        calls.emotion("g1", 1, reading(EmotionLabel.ANGRY, 0.99, 0.99));
        assertThat(sent).isEmpty();
        // one real but unsure angry sentence: not yet
        say("g1", 2, reading(EmotionLabel.ANGRY, 0.7, 0.1));
        assertThat(sent).isEmpty();
        // a second one agrees: the caller is angry
        say("g1", 3, reading(EmotionLabel.ANGRY, 0.72, 0.1));
        assertThat(sent).extracting(a -> a.value("Priority")).containsExactly("20");
        Await.until(5, () -> sink.ofType("action").size() == 1);
        assertThat(sink.ofType("action").get(0).fields()).containsEntry("rule", "angry-waiting")
                .containsEntry("utterance", "3").containsEntry("words", "8");
    }

    @Test
    void anAngryCallerWhoAsksForAManagerIsRaisedOnceAndTheActionNamesRuleAndEvidence() {
        policy(LiveRulesLoader.source(Optional.empty()));
        waitingCall("m1", "PJSIP/m-1", false);
        calls.transcript("m1", 1, true, "my bill is wrong again");
        calls.emotion("m1", 1, reading(EmotionLabel.FRUSTRATED, 0.6, 0.05));
        calls.transcript("m1", 2, true, "this is unacceptable i want to speak to a manager");
        calls.emotion("m1", 2, reading(EmotionLabel.ANGRY, 0.91, 0.95));
        p().tick();
        // angry-waiting and escalation-waiting both match: one QueueChangePriorityCaller
        assertThat(sent).extracting(AmiAction::name).containsExactly("QueueChangePriorityCaller");
        Await.until(5, () -> sink.ofType("action").size() == 1);
        CallEvent audit = sink.ofType("action").get(0);
        assertThat(audit.fields()).containsEntry("rule", "angry-waiting").containsEntry("action", "raise_priority")
                .containsEntry("utterance", "2").containsEntry("label", "angry").containsEntry("confidence", "0.910")
                .containsEntry("escalation", "0.950").containsEntry("words", "10")
                .containsEntry("intent", "billing").containsEntry("outcome", "ok");
        assertThat(audit.fields().get("evidence")).contains("emotion=angry", "escalation=0.95", "intent=billing");
    }

    @Test
    void aWholeSentenceAskingForAManagerActsAtOnceEvenWhenMisheardButAShortOneWaits() {
        policy(LiveRulesLoader.source(Optional.empty()));
        waitingCall("w1", "PJSIP/w-1", false);
        // 6 words, escalation under strong_reading: one reading is not enough yet
        calls.transcript("w1", 1, true, "get me a manager right now");
        calls.emotion("w1", 1, reading(EmotionLabel.FRUSTRATED, 0.5, 0.8));
        assertThat(sent).isEmpty();
        waitingCall("w2", "PJSIP/w-2", false);
        // the recorded complaint as Vosk misheard it: 12 words, escalation 0.81 - acts at once
        calls.transcript("w2", 1, true, "listen on app that all i want to speak to a manager");
        calls.emotion("w2", 1, reading(EmotionLabel.ANGRY, 0.75, 0.81));
        assertThat(sent).extracting(a -> a.value("Caller")).containsExactly("PJSIP/w-2");
        Await.until(5, () -> sink.ofType("action").size() == 1);
        assertThat(sink.ofType("action").get(0).fields()).containsEntry("rule", "escalation-waiting")
                .containsEntry("words", "12");
    }

    @Test
    void aCalmRequestForAManagerRaisesPriorityThroughTheEscalationRule() {
        policy(LiveRulesLoader.source(Optional.empty()));
        waitingCall("e1", "PJSIP/e-1", false);
        calls.transcript("e1", 1, true, "could i speak to a supervisor please");
        calls.emotion("e1", 1, reading(EmotionLabel.NEUTRAL, 0.8, 0.9));
        assertThat(sent).extracting(a -> a.value("Priority")).containsExactly("20");
        Await.until(5, () -> sink.ofType("action").size() == 1);
        assertThat(sink.ofType("action").get(0).fields()).containsEntry("rule", "escalation-waiting")
                .containsEntry("label", "neutral").containsEntry("escalation", "0.900");
    }

    @Test
    void aConnectedCallerWhoEscalatesAlertsAgentAndSupervisorOnWhatWasSaidSinceTheAnswer() {
        policy(LiveRulesLoader.source(Optional.empty()));
        waitingCall("k1", "PJSIP/k-1", false);
        calls.transcript("k1", 1, true, "i want to speak to a manager");
        calls.emotion("k1", 1, reading(EmotionLabel.NEUTRAL, 0.8, 0.95));
        assertThat(sent).hasSize(1);
        connect("k1", "PJSIP/k-1", "alice");
        p().tick();
        assertThat(alerts).isEmpty(); // the request was made while waiting, and acted on then
        calls.transcript("k1", 2, true, "i will cancel my contract and complain to the regulator");
        calls.emotion("k1", 2, reading(EmotionLabel.FRUSTRATED, 0.7, 0.93));
        assertThat(alerts).singleElement().asString().startsWith("alice:Caller asks to escalate");
        Await.until(5, () -> sink.ofType("action").size() == 2);
        assertThat(sink.ofType("action").get(1).fields()).containsEntry("rule", "connected-escalation")
                .containsEntry("action", "alert").containsEntry("utterance", "2").containsEntry("escalation", "0.930");
    }

    @Test
    void aWaitingCallerWhoReportsAGasSmellIsRedirectedToTheEmergencyContext() {
        calls.addListener(IntentEvents.to(events));
        policy(LiveRulesLoader.source(Optional.empty(), calls.topics()));
        waitingCall("s1", "PJSIP/s-1", false);
        calls.transcript("s1", 1, true, "hello i am calling about my gas bill");
        assertThat(calls.get("s1").orElseThrow().intent()).hasValueSatisfying(i ->
                assertThat(i.topic()).isEqualTo("billing"));
        assertThat(sent).isEmpty();
        calls.transcript("s1", 2, true, "actually there is a gas smell in the kitchen");
        assertThat(sent).extracting(AmiAction::name).containsExactly("Redirect");
        assertThat(sent.get(0).value("Context")).isEqualTo("callportrait-emergency");
        assertThat(sent.get(0).value("Channel")).isEqualTo("PJSIP/s-1");
        Await.until(5, () -> sink.ofType("action").size() == 1 && sink.ofType("intent").size() == 2);
        assertThat(sink.ofType("action").get(0).fields()).containsEntry("rule", "gas-emergency-waiting")
                .containsEntry("intent", "gas_emergency");
        assertThat(sink.ofType("intent")).extracting(e -> e.fields().get("topic"))
                .containsExactly("billing", "gas_emergency");
    }

    @Test
    void aRuleNamingATopicTheTaxonomyLacksIsRejected(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("live.yaml");
        Files.writeString(f, """
                rate_limit: {actions_per_second: 5, per_call_max: 1}
                rules:
                  - name: typo
                    when: {intent: [gas_emergncy]}
                    then: {alert: hi}
                """, StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LiveRulesLoader.source(Optional.of(f), calls.topics()))
                .isInstanceOf(com.callportrait.route.RulesException.class).hasMessageContaining("gas_emergncy")
                .hasMessageContaining("gas_emergency");
    }

    @Test
    void theEvidenceGuardIsConfigurable(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("live.yaml");
        Files.writeString(f, """
                rate_limit: {actions_per_second: 5, per_call_max: 1}
                evidence: {min_words: 0, min_readings: 1}
                rules:
                  - name: any-angry
                    when: {emotion: [angry]}
                    then: {raise_priority: 7}
                """, StandardCharsets.UTF_8);
        try (ReloadingFile<LiveRules> src = LiveRulesLoader.source(Optional.of(f))) {
            assertThat(src.current().evidence()).isEqualTo(new LiveRules.Evidence(0, 1, 0.85, 8));
            policy(src);
            waitingCall("q1", "PJSIP/q-1", false);
            calls.emotion("q1", 1, reading(EmotionLabel.ANGRY, 0.5, 0));
            assertThat(sent).extracting(a -> a.value("Priority")).containsExactly("7");
        }
    }
}
