package com.callportrait.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.common.config.Env;
import com.callportrait.live.LiveOptions;
import com.callportrait.live.calls.CallChange;
import com.callportrait.live.calls.CallSnapshot;
import com.callportrait.live.calls.RoutedCall;
import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.records.CallRecords;
import com.callportrait.simulator.audio.AudioCaller;
import com.callportrait.speech.pipeline.AgentLegOptions;
import com.callportrait.speech.pipeline.CallLeg;
import com.callportrait.testkit.Await;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both legs of a call through the real AudioSocket port, as the dialplan's two taps send them: the
 * caller's stream under CP_UUID (the recorded Asterisk 22 caller, 7.5 s: "I've been waiting for an
 * hour ... speak to a manager"), and, one second after the agent answers, the agent's stream under
 * CP_UUID with version digit 8, speaking over the caller. Agent audio (committed under
 * {@code audio/agent/}): espeak-ng {@code -v en-us -s 155 -p 45}, then
 * {@code sox -r 8000 -e signed -b 16 -t raw ... sinc 300-3400}: "thank you for calling. this call
 * may be recorded for quality and training." and "hello. how can i help you with your bill today."
 *
 * <p>Two calls at once: the agent who gives the recording notice, and the one who does not; a live
 * rule {@code agent_not_said: ["this call may be recorded"]} after 3 s connected alerts only on the
 * second. The calls are marked connected only once every word of both legs is in: on a loaded
 * machine recognition may lag the streams by many seconds, and the rule's verdict must not depend
 * on that (its grace time is unit-tested on a fixed clock). With {@code CP_TAP_AGENT} off on the server the same streams change nothing.
 */
class AgentLegIT {
    static final int GRACE_S = 3;
    static final String RULES = """
            rate_limit: {actions_per_second: 10, per_call_max: 3}
            rules:
              - name: no-recording-notice
                when:
                  state: connected
                  min_connected_seconds: %d
                  agent_not_said: ["this call may be recorded"]
                then:
                  alert: "Give the recording notice now."
            """.formatted(GRACE_S);

    record Call(String id, String channel, byte[] agentAudio) {
    }

    @Test
    void bothLegsGiveSpeakerTaggedWordsTalkOverSilenceAndTheAgentPhraseRule(@TempDir Path dir) throws Exception {
        Call notice = new Call(UUID.randomUUID().toString(), "PJSIP/trunk-00000001", audio("disclosure-8k.raw"));
        Call silent = new Call(UUID.randomUUID().toString(), "PJSIP/trunk-00000002", audio("greeting-8k.raw"));
        Map<String, CallSnapshot> ended = new ConcurrentHashMap<>();
        try (Stack s = new Stack(dir, true)) {
            s.app.calls().addListener((c, change) -> {
                if (change == CallChange.ENDED) {
                    ended.put(c.callId(), c);
                }
            });
            s.play(List.of(notice, silent));

            Await.until(120, () -> s.count("conversation") == 2);
            // Every word of both legs is in (the final figures follow the legs' last words).
            assertThat(s.count("action")).as("actions while not connected: %s", s.events()).isZero();
            Instant connectedAt = Instant.now();
            s.connect(List.of(notice, silent));
            for (Call c : List.of(notice, silent)) {
                List<Map<String, String>> t = s.of(c.id, "transcript");
                assertThat(t).allSatisfy(b -> assertThat(b).containsKey("speaker"));
                assertThat(text(t, "caller")).contains("waiting").contains("manager");
                assertThat(text(t, "caller")).doesNotContain("thank you").doesNotContain("help you");
                // emotion is scored on the caller's words only: one reading per caller final
                List<Map<String, String>> emotions = s.of(c.id, "emotion");
                assertThat(emotions).allSatisfy(b -> assertThat(b).containsEntry("speaker", "caller"));
                assertThat(emotions).hasSize((int) t.stream().filter(b -> b.get("speaker").equals("caller")).count());

                Map<String, String> conv = s.of(c.id, "conversation").get(0);
                long connected = Long.parseLong(conv.get("connected_ms"));
                long over = Long.parseLong(conv.get("talk_over_ms"));
                long silence = Long.parseLong(conv.get("silence_ms"));
                // The agent's leg is up from about 1 s to 10 s of the caller's; the agent speaks
                // during the caller's 7.5 s recording (talk-over), and both are quiet for its last 2.5 s.
                assertThat(connected).as("connected ms").isBetween(7_500L, 10_000L);
                assertThat(over).as("talk-over ms").isBetween(1_000L, 5_000L);
                assertThat(silence).as("silence ms").isBetween(1_500L, 6_000L);
                assertThat(Double.parseDouble(conv.get("talk_over_share"))).isEqualTo(over / (double) connected,
                        org.assertj.core.api.Assertions.within(0.002));
                assertThat(conv.get("uniqueid")).isEqualTo(c.id + ".1");
            }
            assertThat(text(s.of(notice.id, "transcript"), "agent")).contains("this call may be recorded");
            assertThat(text(s.of(silent.id, "transcript"), "agent")).contains("help you");

            // The rule judges only after the grace time, and only where the notice was not given.
            Await.until(30, () -> !s.of(silent.id, "action").isEmpty());
            assertThat(java.time.Duration.between(connectedAt, Instant.now()).toSeconds()).isGreaterThanOrEqualTo(GRACE_S);
            Thread.sleep(1_500); // a tick or more later: still no action for the agent who gave the notice
            s.endCalls(List.of(notice, silent));
            assertThat(s.of(silent.id, "action")).singleElement().satisfies(a -> assertThat(a)
                    .containsEntry("rule", "no-recording-notice").containsEntry("action", "alert"));
            assertThat(s.of(notice.id, "action")).as("%s", s.of(notice.id, "transcript")).isEmpty();

            // The interaction record carries the speakers and the figures.
            InteractionRecord r = CallRecords.of(ended.get(silent.id), Instant.now(), null, null);
            assertThat(r.transcript()).contains("caller: ").contains("agent: ");
            assertThat(r.talkTime()).isNotNull();
            assertThat(r.talkTime().talkOverSec()).isPositive();
            assertThat(r.talkTime().silenceSec()).isPositive();
        }
    }

    @Test
    void withTheOptionOffTheAgentStreamChangesNothing(@TempDir Path dir) throws Exception {
        Call call = new Call(UUID.randomUUID().toString(), "PJSIP/trunk-00000003", audio("greeting-8k.raw"));
        try (Stack s = new Stack(dir, false)) {
            s.play(List.of(call));
            Await.until(120, () -> text(s.of(call.id, "transcript"), null).contains("manager"));
            s.connect(List.of(call));
            Thread.sleep(GRACE_S * 1000 + 2_000); // past the rule's grace time; and the agent's words, had they been decoded
            s.endCalls(List.of(call));
            assertThat(s.of(call.id, "transcript")).isNotEmpty()
                    .allSatisfy(b -> assertThat(b).doesNotContainKey("speaker"));
            assertThat(text(s.of(call.id, "transcript"), null)).doesNotContain("help you");
            assertThat(s.of(call.id, "emotion")).allSatisfy(b -> assertThat(b).doesNotContainKey("speaker"));
            assertThat(s.of(call.id, "conversation")).isEmpty();
            assertThat(s.of(call.id, "action")).isEmpty(); // the agent is not heard: the rule cannot judge
            assertThat(s.telemetry.registry().find("cp.speech.agent_legs.refused").counter().count()).isEqualTo(1);
        }
    }

    static String text(List<Map<String, String>> transcripts, String speaker) {
        return String.join(" ", transcripts.stream().filter(b -> speaker == null || speaker.equals(b.get("speaker")))
                .map(b -> b.get("text")).toList());
    }

    static byte[] audio(String name) {
        try (InputStream in = AgentLegIT.class.getResourceAsStream("/audio/agent/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The application with speech (and the agent leg on or off) and the test's live rule. */
    static final class Stack implements AutoCloseable {
        final RedisBackend redis;
        final Telemetry telemetry;
        final Application app;
        final InetSocketAddress audioSocket;

        Stack(Path dir, boolean agentLeg) throws IOException, InterruptedException {
            Path rules = Files.writeString(dir.resolve("live-rules.yaml"), RULES);
            AppOptions o = AppOptions.from(Env.of(Map.of("CP_BIND_ADDRESS", "127.0.0.1")))
                    .withRedis(Optional.empty(), 0).withPorts(0, 0, 0).withDataDir(dir);
            SpeechSettings defaults = SpeechSettings.from(Env.of(Map.of()));
            // A deeper queue than the default: on a loaded machine the workers may lag the real-time
            // streams for a while, and this test is about words and timings, not about shedding.
            SpeechSettings speech = new SpeechSettings(true, defaults.asr().withQueueFrames(3000), defaults.socket(),
                    AgentLegOptions.builder().enabled(agentLeg).build());
            redis = RedisBackend.open(o, RedisBackend.Embedded.START_ANY_PORT);
            telemetry = new Telemetry();
            app = Application.start(o, LiveOptions.from(Env.of(Map.of("CP_LIVE_RULES", rules.toString()))), speech,
                    redis, telemetry);
            audioSocket = app.speech().orElseThrow().audioSocketAddress();
        }

        /**
         * Routes each call, then streams both legs in real
         * time: the caller's recording then 2.5 s of silence; the agent's stream opens 1 s in,
         * speaks, and stays up (silent) until the caller's leg ends, as ChanSpy's E option does.
         */
        void play(List<Call> calls) throws Exception {
            byte[] caller = AudioCaller.bundledAudio();
            ExecutorService pool = Executors.newFixedThreadPool(calls.size() * 2);
            List<Future<?>> legs = new ArrayList<>();
            try {
                for (Call c : calls) {
                    app.calls().routed(new RoutedCall(c.id, c.channel, c.id + ".1", "5551234", "Jane Doe", "billing",
                            0, "gold", false, "test", Optional.empty()));
                    legs.add(pool.submit(() -> {
                        try (AudioCaller.Session leg = AudioCaller.connect(audioSocket, c.id)) {
                            leg.streamRealTime(caller);
                            leg.sendSilence(Duration.ofMillis(2500));
                        }
                        return null;
                    }));
                    legs.add(pool.submit(() -> {
                        Thread.sleep(1000);
                        String agentStream = CallLeg.agentStreamOf(UUID.fromString(c.id)).toString();
                        try (AudioCaller.Session leg = AudioCaller.connect(audioSocket, agentStream)) {
                            leg.streamRealTime(c.agentAudio);
                            long rest = 9_000 - c.agentAudio.length / 16; // 16 bytes a millisecond at 8 kHz
                            leg.sendSilence(Duration.ofMillis(Math.max(0, rest)));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : legs) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
        }

        void connect(List<Call> calls) {
            calls.forEach(c -> app.calls().update(c.id, false, CallChange.CONNECTED, v -> v.agent("agent1")
                    .connected(app.calls().clock().instant())));
        }

        void endCalls(List<Call> calls) {
            calls.forEach(c -> app.calls().ended(c.id, "hangup"));
        }

        List<Map<String, String>> events() {
            try {
                return redis.connector().async().xrange("cp:events", Range.create("-", "+")).get(5, TimeUnit.SECONDS)
                        .stream().map(StreamMessage::getBody).toList();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        List<Map<String, String>> of(String call, String type) {
            return events().stream().filter(b -> call.equals(b.get("call")) && type.equals(b.get("type"))).toList();
        }

        long count(String type) {
            return events().stream().filter(b -> type.equals(b.get("type"))).count();
        }

        @Override
        public void close() {
            app.close();
            telemetry.close();
            redis.close();
        }
    }
}
