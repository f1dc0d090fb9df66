package com.callportrait.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.cli.InProcessTarget;
import com.callportrait.common.config.Env;
import com.callportrait.live.LiveOptions;
import com.callportrait.profile.imports.DemoCustomers;
import com.callportrait.server.AppOptions;
import com.callportrait.server.Application;
import com.callportrait.server.RedisBackend;
import com.callportrait.server.Telemetry;
import com.callportrait.simulator.ami.AmiEndpoint;
import com.callportrait.simulator.call.Mood;
import com.callportrait.simulator.call.SimCall;
import com.callportrait.simulator.call.SimResult;
import com.callportrait.simulator.call.SimulatedAsterisk;
import com.callportrait.simulator.call.SimulationRun;
import com.callportrait.testkit.Await;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole live loop on real sockets: a simulated call through FastAGI (route + survey), the
 * application's AMI client logged in to the simulator's AMI endpoint, the caller's scripted
 * utterances via the speech seam (real audio is {@code LiveSpeechIT}'s), the live policy's AMI
 * action, and the screen pop on a real WebSocket client; events checked in the real (embedded)
 * Redis stream.
 */
class LiveLoopIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anAngryKnownCallerIsMovedUpAndTheAgentGetsThePortrait(@TempDir Path dir) throws Exception {
        AppOptions o = AppOptions.from(Env.of(Map.of())).withRedis(Optional.empty(), 0).withPorts(0, 0, 0)
                .withDataDir(dir).withRouteBudget(Duration.ofSeconds(5));
        try (RedisBackend redis = RedisBackend.open(o, RedisBackend.Embedded.START_ANY_PORT);
             Telemetry telemetry = new Telemetry();
             SimulatedAsterisk demo = SimulatedAsterisk.start()) {
            DemoCustomers.seed(redis.store(), o.phones(), Clock.systemUTC());
            try (Application stack = Application.start(o, InProcessTarget.liveOptions(LiveOptions.from(Env.of(Map.of())), demo), redis, telemetry)) {
                SimCall jane = new SimCall("5551234", "Jane Doe", Mood.ANGRY, Duration.ofMillis(1500),
                        Duration.ofMillis(200), "4");
                String[] pop = new String[1];
                SimulationRun.Report r = SimulationRun.run(InProcessTarget.of(stack), demo, List.of(jane), 1, 1, Duration.ZERO, (pops, results) -> {
                    String call = results.get(0).callId();
                    pop[0] = pops.popJson(call);
                    try {
                        pops.send("agent1", "{\"type\":\"disposition\",\"call\":\"" + call
                                + "\",\"outcome\":\"resolved\",\"note\":\"refund issued\"}");
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                    // The "ended" push follows the Hangup asynchronously.
                    Await.until(10, () -> pops.types(call).contains("ended"));
                    assertThat(pops.types(call)).startsWith("pop").contains("transcript", "emotion", "alert", "ended");
                });
                SimResult call = r.results().get(0);
                assertThat(call.ok()).as(call.failure()).isTrue();
                assertThat(r.liveCallsAfter()).isZero();

                // The AMI action the live policy sent: by exact channel name, Immediate.
                var qcpc = demo.ami().received().stream().map(AmiEndpoint.Received::action)
                        .filter(a -> a.value("Action").equals("QueueChangePriorityCaller")).toList();
                assertThat(qcpc).hasSize(1);
                assertThat(qcpc.get(0).value("Caller")).isEqualTo(call.channel());
                assertThat(qcpc.get(0).value("Queue")).isEqualTo(call.queue());
                assertThat(qcpc.get(0).value("Priority")).isEqualTo("20");
                assertThat(qcpc.get(0).value("Immediate")).isEqualTo("yes");
                assertThat(demo.ami().received().stream().map(x -> x.action().value("Action")))
                        .contains("Login", "Status", "QueueStatus").doesNotContain("Redirect");

                // The screen pop over the WebSocket: the portrait of C1001 (gold, one open billing complaint;
                // the demo import carries no tags yet, so the tag list is present but empty).
                assertThat(pop[0]).isNotNull();
                JsonNode p = JSON.readTree(pop[0]);
                assertThat(p.path("caller").path("phone").asText()).isEqualTo("***1234");
                assertThat(p.path("customer").path("id").asText()).isEqualTo("C1001");
                assertThat(p.path("customer").path("tier").asText()).isEqualTo("gold");
                assertThat(p.path("customer").path("lifetimeValue").asDouble()).isEqualTo(5230.50);
                assertThat(p.path("customer").path("tags").isArray()).isTrue();
                assertThat(p.path("customer").path("openIssues").size()).isEqualTo(1);
                assertThat(p.path("customer").path("nextBestAction").asText()).contains("billing");
                assertThat(p.path("transcript").toString()).contains("i want to speak to a manager");
                assertThat(p.path("emotions").get(p.path("emotions").size() - 1).path("label").asText()).isEqualTo("angry");

                // cp:events: route, action (with rule and evidence), feedback from survey and agent.
                var async = redis.connector().async();
                Await.until(10, () -> {
                    try {
                        return async.xrange("cp:events", Range.create("-", "+")).get(5, TimeUnit.SECONDS).stream()
                                .filter(m -> "feedback".equals(m.getBody().get("type"))).count() == 2;
                    } catch (Exception e) {
                        return false;
                    }
                });
                List<StreamMessage<String, String>> events = async.xrange("cp:events", Range.create("-", "+"))
                        .get(5, TimeUnit.SECONDS).stream().filter(m -> call.callId().equals(m.getBody().get("call")))
                        .toList();
                assertThat(events).extracting(m -> m.getBody().get("type")).contains("route", "action", "feedback");
                Map<String, String> action = events.stream().map(StreamMessage::getBody)
                        .filter(b -> b.get("type").equals("action") && b.get("action").equals("raise_priority"))
                        .findFirst().orElseThrow();
                assertThat(action).containsEntry("rule", "angry-waiting").containsEntry("outcome", "ok");
                assertThat(action.get("evidence")).contains("emotion=angry");
                assertThat(events.stream().map(StreamMessage::getBody).filter(b -> b.get("type").equals("feedback")))
                        .anySatisfy(b -> assertThat(b).containsEntry("source", "survey").containsEntry("score", "4"))
                        .anySatisfy(b -> assertThat(b).containsEntry("source", "agent").containsEntry("outcome", "resolved")
                                .containsEntry("customer", "C1001"));
            }
        }
    }
}
