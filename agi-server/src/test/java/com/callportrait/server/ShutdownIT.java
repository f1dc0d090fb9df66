package com.callportrait.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.common.config.Env;
import com.callportrait.live.LiveOptions;
import com.callportrait.live.calls.CallChange;
import com.callportrait.live.calls.RoutedCall;
import com.callportrait.portrait.collect.InteractionStream;
import com.callportrait.profile.redis.TestProfiles;
import com.callportrait.simulator.agi.AgiConnection;
import com.callportrait.simulator.audio.AudioCaller;
import com.callportrait.testkit.Await;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Graceful shutdown of the whole application with work in flight: three FastAGI sessions waiting
 * for Asterisk's reply to their {@code EXEC MSet}, a caller speaking over AudioSocket in the
 * middle of an utterance, and calls that just ended (interaction records queued). {@code close()}
 * must refuse new calls at once (health 503), let the three sessions finish with their replies,
 * finalise the open transcript, flush events and records to Redis, and leave no non-daemon thread;
 * closing the backend then stops the embedded redis-server.
 */
class ShutdownIT {
    static final int SESSIONS = 3;
    static final int ENDED_CALLS = 5;

    @Test
    void closeFinishesLiveWorkAndFlushesEverything(@TempDir Path dir) throws Exception {
        Set<Thread> before = nonDaemonThreads();
        AppOptions o = AppOptions.from(Env.of(Map.of("CP_BIND_ADDRESS", "127.0.0.1", "CP_SHUTDOWN_GRACE_MS", "30000")))
                .withRedis(Optional.empty(), 0).withPorts(0, 0, 0).withDataDir(dir);
        SpeechSettings d = SpeechSettings.from(Env.of(Map.of()));
        SpeechSettings speech = new SpeechSettings(true, d.asr().withQueueFrames(1500), d.socket());
        RedisBackend redis = RedisBackend.open(o, RedisBackend.Embedded.START_ANY_PORT);
        Telemetry telemetry = new Telemetry();
        int redisPort = redis.embedded().orElseThrow().port();
        try {
            redis.store().save(TestProfiles.asteriskJane()).toCompletableFuture().get(10, TimeUnit.SECONDS);
            Application app = Application.start(o, LiveOptions.from(Env.of(Map.of())), speech, redis, telemetry);
            InetSocketAddress agi = app.agiAddress();
            String base = "http://127.0.0.1:" + app.httpAddress().getPort();

            // three calls in the middle of the route script: MSet sent, Asterisk's reply pending
            List<AgiConnection> inFlight = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                AgiConnection a = AgiConnection.connect(agi);
                a.send(AgiConnection.environment("route", "5551234", "9.00" + i));
                assertThat(a.readCommand()).startsWith("EXEC MSet CP_UUID=");
                inFlight.add(a);
            }
            // a caller mid-utterance on AudioSocket ("i've been waiting for..."), socket left open
            String speaking = UUID.randomUUID().toString();
            AudioCaller.Session audio = AudioCaller.connect(app.speech().orElseThrow().audioSocketAddress(), speaking);
            audio.streamRealTime(Arrays.copyOf(AudioCaller.bundledAudio(), 2_400 / 20 * 320)); // its first 2.4 s
            // calls that just ended: their interaction records are queued for Redis
            for (int i = 0; i < ENDED_CALLS; i++) {
                String id = "ended-" + i;
                app.calls().routed(new RoutedCall(id, "PJSIP/1001-0000000" + i, "8.00" + i, "5551234",
                        "Jane Doe", "billing", 10, "gold", true, "test", Optional.empty()));
                app.calls().update(id, false, CallChange.CONNECTED,
                        v -> v.agent("agent1").connected(Instant.now()));
                app.calls().ended(id, "hangup");
            }

            CompletableFuture<Void> closing = CompletableFuture.runAsync(app::close);
            // new calls are refused at once, and the probes say so while live sessions finish
            Await.until(10, () -> refused(agi));
            assertThatThrownBy(() -> new Socket(agi.getAddress(), agi.getPort()).close())
                    .isInstanceOf(ConnectException.class);
            assertThat(HealthIT.get(base + "/health/ready").statusCode()).isEqualTo(503);
            assertThat(HealthIT.body(base + "/health")).startsWith("{\"status\":\"DOWN\",\"reason\":\"shutting down");
            assertThat(closing).isNotDone();

            // the sessions in flight finish normally: Asterisk's reply, then the server ends the session
            for (AgiConnection a : inFlight) {
                a.send("200 result=0\n");
                assertThat(a.closedByServer()).isTrue();
                a.close();
            }
            closing.get(60, TimeUnit.SECONDS);
            audio.close();
            assertThat(telemetry.registry().get("cp.agi.sessions").tag("outcome", "completed").counter().count())
                    .isEqualTo(SESSIONS);

            // everything reached Redis: route events, the finalised transcript, the interaction records
            var sync = redis.connector().sync();
            List<Map<String, String>> events = sync.xrange("cp:events", Range.create("-", "+")).stream()
                    .map(StreamMessage::getBody).toList();
            assertThat(events.stream().filter(e -> e.get("type").equals("route")).map(e -> e.get("uniqueid")))
                    .containsExactlyInAnyOrder("9.000", "9.001", "9.002");
            assertThat(events.stream().filter(e -> e.get("type").equals("transcript")
                    && e.get("call").equals(speaking))).isNotEmpty()
                    .allSatisfy(e -> assertThat(e).containsEntry("final", "1").containsKey("text"));
            List<String> records = sync.xrange(InteractionStream.key(0), Range.create("-", "+")).stream()
                    .map(m -> m.getBody().get("json")).toList();
            assertThat(records).hasSize(ENDED_CALLS);
            for (int i = 0; i < ENDED_CALLS; i++) {
                String id = "ended-" + i;
                assertThat(records).filteredOn(j -> j.contains("\"" + id + "\"")).hasSize(1);
            }
        } finally {
            redis.close();
            telemetry.close();
        }
        // the embedded redis-server is stopped, and no thread of ours keeps the JVM alive
        assertThat(redis.embedded().orElseThrow().isRunning()).isFalse();
        assertThatThrownBy(() -> new Socket("127.0.0.1", redisPort).close()).isInstanceOf(ConnectException.class);
        Await.until(10, () -> leftOver(before).isEmpty());
    }

    private static boolean refused(InetSocketAddress agi) {
        try (Socket s = new Socket(agi.getAddress(), agi.getPort())) {
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static Set<Thread> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !t.isDaemon())
                .collect(Collectors.toSet());
    }

    private static List<String> leftOver(Set<Thread> before) {
        return nonDaemonThreads().stream().filter(t -> !before.contains(t)).map(Thread::getName).sorted().toList();
    }
}
