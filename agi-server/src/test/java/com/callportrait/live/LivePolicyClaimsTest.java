package com.callportrait.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.events.EventWriter;
import com.callportrait.live.ami.AmiAction;
import com.callportrait.live.ami.AmiMessage;
import com.callportrait.live.ami.AmiResponse;
import com.callportrait.live.calls.AgentDirectory;
import com.callportrait.live.calls.AmiCallTracker;
import com.callportrait.live.calls.CallRegistry;
import com.callportrait.live.calls.CallSnapshot;
import com.callportrait.live.calls.RoutedCall;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live policy with instances sharing one Asterisk: only a won claim acts; the fail-safe when the claim store is down. */
class LivePolicyClaimsTest {
    private final CallRegistry calls = CallRegistry.create(Clock.systemUTC(), Duration.ofHours(1));
    private final List<AmiAction> sent = new CopyOnWriteArrayList<>();
    private final List<String> alerts = new CopyOnWriteArrayList<>();
    private final List<String> released = new CopyOnWriteArrayList<>();
    private final ListSink sink = new ListSink();
    private final EventWriter events = EventWriter.create(sink, 1000, new SimpleMeterRegistry()).start();
    private volatile ActionClaims.Outcome answer = ActionClaims.Outcome.WON;

    /** Answers every claim with {@link #answer}; records releases. */
    private final ActionClaims claims = new ActionClaims() {
        @Override
        public CompletionStage<Outcome> claim(CallSnapshot call, List<String> names) {
            return CompletableFuture.completedFuture(answer);
        }

        @Override
        public void release(CallSnapshot call, List<String> names) {
            released.addAll(names);
        }
    };

    @AfterEach
    void close() {
        events.close(Duration.ofSeconds(1));
    }

    private CompletionStage<AmiResponse> ami(AmiAction a) {
        sent.add(a);
        return CompletableFuture.completedFuture(new AmiResponse(AmiMessage.of("Response", "Success"), List.of()));
    }

    private LivePolicy policy(Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("live.yaml"), """
                rate_limit: {actions_per_second: 100, per_call_max: 5}
                rules:
                  - name: prio
                    when: {state: waiting}
                    then: {raise_priority: 9}
                  - name: tell
                    when: {state: waiting}
                    then: {alert: "waiting"}
                  - name: away
                    when: {state: waiting}
                    then: {redirect: {context: cp-escalation}}
                """, StandardCharsets.UTF_8);
        LivePolicy p = LivePolicy.create(calls, LiveRulesLoader.source(Optional.of(f)), this::ami, events,
                (c, r, m) -> alerts.add(r), new SimpleMeterRegistry()).claimingIn(claims);
        calls.addListener(p);
        return p;
    }

    private void waitingCall(String id, String channel) {
        calls.routed(new RoutedCall(id, channel, id + ".1", "5551234", "Jane", "billing", 5, "s", false, "r",
                Optional.empty()));
        AmiCallTracker.create(calls, AgentDirectory.identity()).onEvent(AmiMessage.of("Event", "QueueCallerJoin",
                "Channel", channel, "Uniqueid", id + ".1", "Queue", "billing", "Position", "1"));
    }

    @Test
    void aClaimLostToAnotherInstanceSendsNothingAndIsNotTriedAgain(@TempDir Path dir) throws Exception {
        answer = ActionClaims.Outcome.LOST;
        LivePolicy p = policy(dir);
        waitingCall("c1", "PJSIP/trunk-1");
        p.tick();
        p.tick();
        assertThat(sent).isEmpty();
        assertThat(alerts).isEmpty();
        assertThat(calls.get("c1").orElseThrow().firedRules()).contains("prio", "tell", "away");
        assertThat(calls.get("c1").orElseThrow().actions()).isEmpty();
    }

    @Test
    void aWonClaimActsOnce(@TempDir Path dir) throws Exception {
        LivePolicy p = policy(dir);
        waitingCall("c1", "PJSIP/trunk-1");
        p.tick();
        assertThat(sent).extracting(AmiAction::name).containsExactlyInAnyOrder("QueueChangePriorityCaller", "Redirect");
        assertThat(alerts).containsExactly("tell");
    }

    @Test
    void withTheClaimStoreDownARedirectWaitsWhileAnAbsolutePriorityAndAnAlertGoOut(@TempDir Path dir) throws Exception {
        answer = ActionClaims.Outcome.UNAVAILABLE;
        LivePolicy p = policy(dir);
        waitingCall("c1", "PJSIP/trunk-1");
        p.tick();
        assertThat(sent).extracting(AmiAction::name).containsExactly("QueueChangePriorityCaller");
        assertThat(alerts).containsExactly("tell");
        assertThat(calls.get("c1").orElseThrow().firedRules()).doesNotContain("away", "__redirected");

        answer = ActionClaims.Outcome.WON; // the store answers again: the redirect goes out, once
        p.tick();
        p.tick();
        assertThat(sent).extracting(AmiAction::name).containsExactly("QueueChangePriorityCaller", "Redirect");
        assertThat(alerts).containsExactly("tell");
        assertThat(released).isEmpty();
    }
}
