package com.callportrait.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.cli.InProcessTarget;
import com.callportrait.common.config.Env;
import com.callportrait.live.LiveOptions;
import com.callportrait.live.TokenService;
import com.callportrait.live.calls.CallSnapshot;
import com.callportrait.live.calls.CallState;
import com.callportrait.profile.imports.DemoCustomers;
import com.callportrait.server.AppOptions;
import com.callportrait.server.Application;
import com.callportrait.server.RedisBackend;
import com.callportrait.server.SpeechSettings;
import com.callportrait.server.Telemetry;
import com.callportrait.simulator.ami.AmiEndpoint;
import com.callportrait.simulator.call.SimulatedAsterisk;
import com.callportrait.simulator.observe.PopWatcher;
import com.callportrait.simulator.soak.SoakRecords;
import com.callportrait.speech.emotion.EmotionLabel;
import com.callportrait.speech.emotion.EmotionReading;
import com.callportrait.testkit.Await;
import com.callportrait.testkit.QueuedCalls;
import com.callportrait.testkit.QueuedCalls.Call;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: the AMI connection drops mid-call and the PBX refuses new connections for 3 s. While we
 * are away one caller hangs up, one is answered by an agent, one grows angry (an action falls due),
 * and a new caller is routed and joins the queue; every AMI event of those is lost, as it is on a
 * real PBX. Then: the client reconnects with backoff, re-synchronises (Status, QueueStatus), and
 * the state matches the PBX; the action that fell due during the outage is sent exactly once after
 * the reconnect (deferred, not lost, not repeated — also not after a second drop); the answered
 * caller gets no waiting-caller action and exactly one screen pop, at the agent whose channel
 * shares its bridge in {@code Status} (its AgentCalled/AgentConnect were lost); a caller answered
 * before the drop gets no second pop; every call's interaction record is stored exactly once.
 */
class AmiDropIT {
    private Application stack;
    private SimulatedAsterisk demo;
    private QueuedCalls queued;

    private Call arrive(String phone) throws Exception {
        return queued.arrive(stack.agiAddress(), phone);
    }

    private void answer(Call c, String agent) {
        queued.answer(c, agent);
    }

    private void hangUp(Call c) {
        queued.hangUp(c);
    }

    private Optional<CallSnapshot> live(Call c) {
        return stack.calls().get(c.id());
    }

    private List<AmiEndpoint.Received> actionsFor(Call c) {
        return demo.ami().received().stream().filter(r -> c.channel().equals(r.action().value("Caller"))
                || c.channel().equals(r.action().value("Channel"))).toList();
    }

    @Test
    void afterADroppedAndRefusedConnectionTheStateIsResynchronisedAndNoActionIsLostOrRepeated(@TempDir Path dir)
            throws Exception {
        AppOptions o = AppOptions.from(Env.of(Map.of("CP_BIND_ADDRESS", "127.0.0.1"))).withRedis(Optional.empty(), 0)
                .withPorts(0, 0, 0).withDataDir(dir).withRouteBudget(Duration.ofSeconds(5));
        try (RedisBackend redis = RedisBackend.open(o, RedisBackend.Embedded.START_ANY_PORT);
             Telemetry telemetry = new Telemetry();
             SimulatedAsterisk d = SimulatedAsterisk.start()) {
            demo = d;
            queued = new QueuedCalls(d.ami(), "PJSIP/trunk-drop-", "1800000000.", 9_000);
            DemoCustomers.seed(redis.store(), o.phones(), Clock.systemUTC());
            try (Application s = Application.start(o, InProcessTarget.liveOptions(LiveOptions.from(Env.of(Map.of())), demo), SpeechSettings.off(), redis, telemetry)) {
                stack = s;
                Await.until(20, () -> stack.amiConnected());
                PopWatcher pops = PopWatcher.connect(stack.httpAddress().getPort(), 3,
                        a -> stack.tokens().issue(TokenService.Role.AGENT, a, Duration.ofHours(1)));
                Call answeredBefore = arrive("");
                answer(answeredBefore, "agent2");
                Await.until(10, () -> pops.connectedPopAgents(answeredBefore.id()).size() == 1);
                Call hangsUp = arrive("5551234");
                Call answered = arrive("");
                Call angry = arrive("");
                Call waits = arrive("");
                Await.until(10, () -> live(waits).map(c -> c.state() == CallState.WAITING).orElse(false));

                long dropped = System.nanoTime();
                demo.ami().refuseConnectionsFor(Duration.ofSeconds(3));
                demo.ami().dropClients();
                Await.until(5, () -> !stack.amiConnected());
                // while AMI is away: every event below is lost
                hangUp(hangsUp);
                answer(answered, "agent1");
                stack.calls().transcript(angry.id(), 1, true, "this is unacceptable i want a manager");
                stack.calls().emotion(angry.id(), 1, new EmotionReading(EmotionLabel.ANGRY, -0.85, 0.9, 0.9));
                Call newcomer = arrive("");
                Thread.sleep(1_500);
                assertThat(actionsFor(angry)).as("nothing can be sent while AMI is down").isEmpty();
                assertThat(live(angry).orElseThrow().actions()).as("no failed attempts recorded").isEmpty();

                Await.until(30, () -> stack.amiConnected());
                assertThat(demo.ami().refusedConnections()).as("connections refused, so retried").isGreaterThanOrEqualTo(1);
                assertThat(demo.ami().logins()).isEqualTo(2);
                Await.until(10, () -> actionsFor(angry).size() == 1);
                assertThat(actionsFor(angry).get(0).action().value("Action")).isEqualTo("QueueChangePriorityCaller");
                assertThat(actionsFor(angry).get(0).nanos()).isGreaterThan(dropped + Duration.ofSeconds(3).toNanos());

                // the state is the PBX's again
                assertThat(live(hangsUp)).as("hung up while away: ended").isEmpty();
                assertThat(live(answered).orElseThrow().state()).as("answered while away").isEqualTo(CallState.CONNECTED);
                assertThat(live(answered).orElseThrow().agent()).as("the agent in the caller's bridge").isEqualTo("agent1");
                Await.until(10, () -> !pops.connectedPopAgents(answered.id()).isEmpty());
                assertThat(live(angry).orElseThrow().state()).isEqualTo(CallState.WAITING);
                // the registry takes the new priority when the reply is read, just after the endpoint got the action
                Await.until(10, () -> live(angry).orElseThrow().priority() == 20);
                assertThat(live(waits).orElseThrow().state()).isEqualTo(CallState.WAITING);
                assertThat(live(newcomer).orElseThrow().state()).as("joined while away").isEqualTo(CallState.WAITING);
                assertThat(live(newcomer).orElseThrow().queue()).isEqualTo(newcomer.queue());

                // a second drop, reconnecting at once: still exactly one action for the angry caller
                demo.ami().dropClients();
                Await.until(30, () -> demo.ami().logins() == 3 && stack.amiConnected());
                Thread.sleep(2_500); // two ticks of the live policy
                assertThat(actionsFor(angry)).hasSize(1);
                assertThat(actionsFor(answered)).isEmpty();
                assertThat(actionsFor(answeredBefore)).isEmpty();
                assertThat(pops.connectedPopAgents(answered.id())).as("one pop, at agent1, after the reconnect")
                        .containsExactly("agent1");
                assertThat(pops.connectedPopAgents(answeredBefore.id())).as("no second pop after two drops")
                        .containsExactly("agent2");
                pops.close();
                assertThat(actionsFor(waits)).isEmpty();

                for (Call c : List.of(answeredBefore, answered, angry, waits, newcomer)) {
                    hangUp(c);
                }
                Await.until(10, () -> stack.calls().size() == 0);
                List<String> ids = List.of(answeredBefore.id(), hangsUp.id(), answered.id(), angry.id(), waits.id(), newcomer.id());
                // another kind of key under the same prefix (an idempotent appender's marker) is not a stream
                redis.connector().sync().set("cp:interactions:{0}:seen:some-other-call", "1-0");
                Await.until(30, () -> SoakRecords.check(SoakRecords.count(redis.connector().sync()), ids).missingCount() == 0);
                SoakRecords.Check check = SoakRecords.check(SoakRecords.count(redis.connector().sync()), ids);
                assertThat(check.exactlyOnce()).as("missing %s doubled %s", check.missing(), check.doubled()).isTrue();
                assertThat(check.foreign()).as("records of ghost calls").isZero();
            }
        }
    }
}
