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

    private LivePolicy policy(java.util.function.Supplier<LiveRules> rules) {
        LivePolicy p = LivePolicy.create(calls, rules, this::ami, events, (c, r, m) -> alerts.add(c.agent() + ":" + m),
                new SimpleMeterRegistry());
        calls.addListener(p);
        return p;
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
        calls.emotion("c1", 1, new EmotionReading(EmotionLabel.NEUTRAL, 0, 0.2, 0.9));
        assertThat(sent).isEmpty();
        calls.emotion("c1", 2, new EmotionReading(EmotionLabel.ANGRY, -0.8, 0.9, 0.85));
        calls.emotion("c1", 3, new EmotionReading(EmotionLabel.ANGRY, -0.9, 0.95, 0.9));
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
            calls.emotion("v2", 1, new EmotionReading(EmotionLabel.FRUSTRATED, -0.4, 0.5, 0.8));
            calls.emotion("v2", 2, new EmotionReading(EmotionLabel.ANGRY, -0.8, 0.7, 0.8));
            calls.emotion("v2", 3, new EmotionReading(EmotionLabel.ANGRY, -0.9, 0.9, 0.8));
            assertThat(alerts).containsExactly("bob:calm down");
        }
    }

    @Test
    void anActionNotSentBecauseAmiWasDownIsTriedAgainLaterButNeverTwice() {
        LivePolicy p = policy(LiveRulesLoader.source(Optional.empty()));
        amiUp.set(false);
        waitingCall("d1", "PJSIP/d-1", false);
        calls.emotion("d1", 1, new EmotionReading(EmotionLabel.ANGRY, -0.8, 0.9, 0.9));
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
        calls.emotion("o1", 1, new EmotionReading(EmotionLabel.ANGRY, -0.8, 0.9, 0.9));
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
        calls.emotion("n1", 1, new EmotionReading(EmotionLabel.ANGRY, -0.8, 0.9, 0.9));
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
                calls.emotion("r" + i, 1, new EmotionReading(EmotionLabel.ANGRY, -0.8, 0.9, 0.9));
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
}
