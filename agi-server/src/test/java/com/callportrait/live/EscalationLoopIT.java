package com.callportrait.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.cli.InProcessTarget;
import com.callportrait.common.config.Env;
import com.callportrait.live.TokenService;
import com.callportrait.profile.imports.DemoCustomers;
import com.callportrait.server.AppOptions;
import com.callportrait.server.Application;
import com.callportrait.server.RedisBackend;
import com.callportrait.server.SpeechSettings;
import com.callportrait.server.Telemetry;
import com.callportrait.simulator.ami.AmiEndpoint;
import com.callportrait.simulator.audio.AudioCaller;
import com.callportrait.simulator.call.CallSimulator;
import com.callportrait.simulator.call.Mood;
import com.callportrait.simulator.call.SimCall;
import com.callportrait.simulator.call.SimResult;
import com.callportrait.simulator.call.SimulatedAsterisk;
import com.callportrait.simulator.observe.PopWatcher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.io.BufferedInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop the product exists for, with nothing scripted: whole calls played by the simulator
 * against the application on real sockets (FastAGI route, the AMI client logged in to the
 * simulator's AMI endpoint, an agent page on a real WebSocket), the caller's voice streamed over
 * AudioSocket and heard by the real Vosk model, emotion, escalation and intent from the real
 * scorers, the bundled live rules unedited, events read back from the real (embedded) Redis.
 * <ul>
 *   <li>An angry caller waiting in the queue (the Asterisk 22 recording of an espeak-ng complaint:
 *       "... waiting for an hour and my gas bill is wrong again. This is unacceptable, I want to
 *       speak to a manager") has the queue priority raised exactly once; the action event names
 *       the rule and the evidence (utterance, label, confidence, escalation, intent); the pop
 *       reaches the agent's page and a {@code screenpop} event records it.</li>
 *   <li>A calm caller asking about a bill gets no action at all, a pop, and the live intent
 *       {@code billing} in the call's events and pop.</li>
 *   <li>A caller in the general queue reporting a gas smell is redirected to the emergency context.</li>
 * </ul>
 */
class EscalationLoopIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Long enough for the recording (up to 10.5 s) and its recognition on a busy machine, while waiting. */
    private static final Duration QUEUE_WAIT = Duration.ofSeconds(25);

    @Test
    void anAngryCallerIsRaisedOnceACalmOneIsLeftAloneAndAGasSmellGoesToTheEmergencyLine(@TempDir Path dir)
            throws Exception {
        AppOptions o = AppOptions.from(Env.of(Map.of("CP_BIND_ADDRESS", "127.0.0.1"))).withRedis(Optional.empty(), 0)
                .withPorts(0, 0, 0).withDataDir(dir).withRouteBudget(Duration.ofSeconds(5));
        SpeechSettings defaults = SpeechSettings.from(Env.of(Map.of()));
        // A deep queue: on a loaded machine recognition may lag the real-time stream for a while.
        SpeechSettings speech = new SpeechSettings(true, defaults.asr().withQueueFrames(1500), defaults.socket());
        try (RedisBackend redis = RedisBackend.open(o, RedisBackend.Embedded.START_ANY_PORT);
             Telemetry telemetry = new Telemetry();
             SimulatedAsterisk pbx = SimulatedAsterisk.start()) {
            DemoCustomers.seed(redis.store(), o.phones(), Clock.systemUTC());
            LiveOptions live = InProcessTarget.liveOptions(LiveOptions.from(Env.of(Map.of())), pbx);
            try (Application app = Application.start(o, live, speech, redis, telemetry);
                 PopWatcher pops = PopWatcher.connect(app.httpAddress().getPort(), 1,
                         a -> app.tokens().issue(TokenService.Role.AGENT, a, Duration.ofHours(1)))) {
                pbx.awaitLogin(Duration.ofSeconds(15));
                var audioSocket = app.speech().orElseThrow().audioSocketAddress();
                var events = redis.connector().async();

                // 1. Jane Doe, angry, asks for a manager while she waits.
                SimResult angry = play(app, pbx, AudioCaller.bundled(audioSocket),
                        new SimCall("5551234", "Jane Doe", Mood.ANGRY, QUEUE_WAIT, Duration.ofMillis(300), ""));
                assertThat(angry.ok()).as(angry.failure()).isTrue();
                List<AmiEndpoint.Received> raised = actions(pbx, "QueueChangePriorityCaller", angry.channel());
                assertThat(raised).as("priority raised exactly once").hasSize(1);
                assertThat(raised.get(0).action().value("Priority")).isEqualTo("20");
                assertThat(raised.get(0).action().value("Queue")).isEqualTo(angry.queue());
                assertThat(actions(pbx, "Redirect", angry.channel())).isEmpty();

                Map<String, String> action = awaitEvent(events, angry.callId(), "action");
                assertThat(action.get("rule")).isIn("angry-waiting", "escalation-waiting");
                assertThat(action).containsEntry("action", "raise_priority").containsEntry("outcome", "ok")
                        .containsKeys("utterance", "label", "confidence", "escalation", "words", "intent");
                assertThat(Integer.parseInt(action.get("utterance"))).isPositive();
                assertThat(Integer.parseInt(action.get("words"))).isGreaterThanOrEqualTo(4);
                if (action.get("rule").equals("angry-waiting")) {
                    assertThat(action.get("label")).isEqualTo("angry");
                    assertThat(Double.parseDouble(action.get("confidence"))).isGreaterThanOrEqualTo(0.6);
                } else {
                    assertThat(Double.parseDouble(action.get("escalation"))).isGreaterThanOrEqualTo(0.7);
                }
                assertThat(action.get("evidence")).contains("state=waiting", "utterance=" + action.get("utterance"));
                assertThat(events(events, angry.callId(), "action").stream()
                        .filter(e -> e.get("action").equals("raise_priority"))).as("one priority action").hasSize(1);

                Map<String, String> pop = awaitEvent(events, angry.callId(), "screenpop");
                assertThat(pop).containsEntry("agent", "agent1").containsKey("trigger");
                assertThat(Double.parseDouble(pop.get("latency_ms"))).isGreaterThanOrEqualTo(0);
                JsonNode popped = JSON.readTree(pops.popJson(angry.callId()));
                assertThat(popped.path("customer").path("id").asText()).isEqualTo("C1001");
                assertThat(popped.path("escalation").isNumber()).isTrue();
                assertThat(popped.has("intent")).isTrue();

                // 2. A calm caller asks about a bill: no action, but a pop and the intent.
                SimResult calm = play(app, pbx, AudioCaller.of(audioSocket, wav("/audio/calm-billing-8k.wav")),
                        new SimCall("5550199", "Sam Calm", Mood.CALM, QUEUE_WAIT, Duration.ofMillis(300), ""));
                assertThat(calm.ok()).as(calm.failure()).isTrue();
                Map<String, String> intent = awaitEvent(events, calm.callId(), "intent");
                assertThat(intent).containsEntry("topic", "billing");
                awaitEvent(events, calm.callId(), "screenpop");
                assertThat(events(events, calm.callId(), "emotion")).isNotEmpty();
                assertThat(events(events, calm.callId(), "action")).as("a calm call gets no action").isEmpty();
                assertThat(actions(pbx, "QueueChangePriorityCaller", calm.channel())).isEmpty();
                assertThat(actions(pbx, "Redirect", calm.channel())).isEmpty();
                assertThat(JSON.readTree(pops.popJson(calm.callId())).path("intent").path("topic").asText())
                        .isEqualTo("billing");

                // 3. A gas smell reported in the general queue: to the emergency line.
                SimResult gas = play(app, pbx, AudioCaller.of(audioSocket, wav("/audio/gas-smell-8k.wav")),
                        new SimCall("5550142", "Pat Smell", Mood.CALM, QUEUE_WAIT, Duration.ofMillis(300), ""));
                assertThat(gas.ok()).as(gas.failure()).isTrue();
                List<AmiEndpoint.Received> redirects = actions(pbx, "Redirect", gas.channel());
                assertThat(redirects).hasSize(1);
                assertThat(redirects.get(0).action().value("Context")).isEqualTo("callportrait-emergency");
                Map<String, String> redirect = awaitEvent(events, gas.callId(), "action");
                assertThat(redirect).containsEntry("rule", "gas-emergency-waiting")
                        .containsEntry("intent", "gas_emergency");
                assertThat(awaitEvent(events, gas.callId(), "intent")).containsEntry("topic", "gas_emergency");
            }
        }
    }

    /** Plays one call with its own simulator (agent1 answers), the caller speaking {@code voice} while waiting. */
    private static SimResult play(Application app, SimulatedAsterisk pbx, AudioCaller voice, SimCall call)
            throws Exception {
        try (CallSimulator sim = CallSimulator.create(app.agiAddress(), pbx.ami(), Optional.empty(),
                Optional.of(voice), 1, 1)) {
            return sim.play(call).get(2, TimeUnit.MINUTES);
        }
    }

    private static List<AmiEndpoint.Received> actions(SimulatedAsterisk pbx, String name, String channel) {
        return pbx.ami().received().stream().filter(r -> r.action().value("Action").equals(name))
                .filter(r -> channel.equals(r.action().value("Caller")) || channel.equals(r.action().value("Channel")))
                .toList();
    }

    private static Map<String, String> awaitEvent(
            io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands<String, String> redis, String call,
            String type) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (events(redis, call, type).isEmpty()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("no " + type + " event for call " + call + " within 30 s; what was heard: "
                        + events(redis, call, "transcript").stream().map(e -> e.get("text")).toList()
                        + ", emotions: " + events(redis, call, "emotion"));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        return events(redis, call, type).get(0);
    }

    private static List<Map<String, String>> events(
            io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands<String, String> redis, String call,
            String type) {
        try {
            return redis.xrange("cp:events", Range.create("-", "+")).get(5, TimeUnit.SECONDS).stream()
                    .map(StreamMessage::getBody).filter(b -> call.equals(b.get("call")) && type.equals(b.get("type")))
                    .toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The samples of a test WAV (8 kHz, 16-bit little-endian mono). */
    static byte[] wav(String resource) throws Exception {
        try (var in = AudioSystem.getAudioInputStream(new BufferedInputStream(
                EscalationLoopIT.class.getResourceAsStream(resource)))) {
            return in.readAllBytes();
        }
    }
}
