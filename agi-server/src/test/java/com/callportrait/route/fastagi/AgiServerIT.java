package com.callportrait.route.fastagi;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.events.EventWriter;
import com.callportrait.profile.PhoneOptions;
import com.callportrait.profile.memory.InMemoryProfileStore;
import com.callportrait.profile.redis.TestProfiles;
import com.callportrait.route.RouteMetrics;
import com.callportrait.route.RouteScript;
import com.callportrait.route.RulesLoader;
import com.callportrait.route.SetMode;
import com.callportrait.simulator.agi.AgiConnection;
import com.callportrait.testkit.ListSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The FastAGI server on a real loopback socket, driven byte for byte as Asterisk 22 drives it. */
class AgiServerIT {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RecordedSession rec = RecordedSession.load();
    private final List<AgiReply> replayReplies = new CopyOnWriteArrayList<>();
    private EventWriter events;
    private AgiServer server;
    private InetSocketAddress addr;

    @BeforeEach
    void start() throws Exception {
        InMemoryProfileStore store = InMemoryProfileStore.create();
        store.save(TestProfiles.asteriskJane());
        events = EventWriter.create(new ListSink(), 100, registry).start();
        RouteScript route = RouteScript.create(store, RulesLoader.source(java.util.Optional.empty()), events, new RouteMetrics(registry),
                Duration.ofMillis(150), SetMode.MSET, PhoneOptions.DEFAULT);
        AgiScripts scripts = AgiScripts.builder().add("route", route).add("replay", this::replay).build();
        server = AgiServer.create(scripts, new AgiMetrics(registry), new AgiLimits(1024, 16 * 1024, 64, 50),
                Duration.ofSeconds(5), 2);
        addr = server.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close(Duration.ofSeconds(2));
        events.close(Duration.ofSeconds(2));
    }

    /** Sends the commands of the recorded session one after the other. */
    private CompletionStage<?> replay(AgiSession s) {
        CompletionStage<?> chain = CompletableFuture.completedFuture(null);
        for (RecordedSession.Exchange e : rec.exchanges()) {
            chain = chain.thenCompose(x -> s.send(e.command())).thenAccept(replayReplies::add);
        }
        return chain;
    }

    private double outcomes(String outcome) {
        var c = registry.find("cp.agi.sessions").tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void replaysTheRecordedAsteriskSessionByteForByte() throws Exception {
        try (AgiConnection a = AgiConnection.connect(addr)) {
            byte[] env = rec.environment();
            String recordedEnv = new String(env, StandardCharsets.UTF_8).replace("network_script: route", "network_script: replay");
            a.send(recordedEnv);
            for (RecordedSession.Exchange e : rec.exchanges()) {
                assertThat(a.readCommand()).isEqualTo(e.command() + "\n");
                a.send(e.reply());
            }
            assertThat(a.closedByServer()).isTrue();
        }
        assertThat(replayReplies).extracting(AgiReply::code).containsExactly(200, 200, 200, 200, 200, 510, 520);
        assertThat(replayReplies.get(3).data()).contains("5551234");
        assertThat(replayReplies.get(4).data()).contains("Jane Doe");
        assertThat(replayReplies.get(6).lines()).hasSize(3);
    }

    @Test
    void routesTheRecordedCallerOverASocket() throws Exception {
        try (AgiConnection a = AgiConnection.connect(addr)) {
            a.send(rec.environment());
            Map<String, String> vars = AgiConnection.msetVariables(a.readCommand());
            assertThat(vars).containsEntry("CP_QUEUE", "billing").containsEntry("CP_PRIORITY", "10")
                    .containsEntry("CP_DEGRADED", "0");
            a.send("HANGUP\n200 result=0\n");
            assertThat(a.closedByServer()).isTrue();
        }
    }

    @Test
    void brokenSessionsEndAloneWhileAConcurrentCallCompletes() throws Exception {
        AgiConnection good = AgiConnection.connect(addr);
        good.send(AgiConnection.environment("route", "5551234", "1.1"));
        String mset = good.readCommand();
        assertThat(mset).startsWith("EXEC MSet ");
        // While the good call waits for our reply, four broken peers come and go.
        List<AgiConnection> bad = new ArrayList<>();
        AgiConnection garbage = AgiConnection.connect(addr).send("\u0016\u0003\u0001\u0002\u0000GET / HTTP/1.1\r\n\r\n");
        AgiConnection longLine = AgiConnection.connect(addr).send("agi_network: " + "x".repeat(5000));
        AgiConnection truncated = AgiConnection.connect(addr).send("agi_network: yes\nagi_network_script: route\nagi_req");
        AgiConnection vanishing = AgiConnection.connect(addr).send(AgiConnection.environment("route", "5551234", "1.2"));
        bad.add(garbage);
        bad.add(longLine);
        assertThat(garbage.closedByServer()).isTrue();
        assertThat(longLine.closedByServer()).isTrue();
        truncated.close();
        assertThat(vanishing.readCommand()).startsWith("EXEC MSet ");
        vanishing.abort();

        good.send("200 result=0\n");
        assertThat(good.closedByServer()).isTrue();
        good.close();
        for (AgiConnection b : bad) {
            b.close();
        }
        awaitCount("completed", 1);
        awaitCount("protocol_error", 3);
        awaitCount("vanished", 1);
        assertThat(outcomes("completed")).isEqualTo(1);
    }

    @Test
    void idlePeerIsDisconnected() throws Exception {
        server.close(Duration.ZERO);
        server = AgiServer.create(AgiScripts.builder().build(), new AgiMetrics(registry), AgiLimits.DEFAULT,
                Duration.ofMillis(300), 1);
        addr = server.start("127.0.0.1", 0);
        try (AgiConnection a = AgiConnection.connect(addr)) {
            a.send("agi_network: yes\n");
            assertThat(a.closedByServer()).isTrue();
        }
        awaitCount("idle", 1);
    }

    @Test
    void shutdownLetsALiveSessionFinishAndRefusesNewOnes() throws Exception {
        AgiConnection a = AgiConnection.connect(addr);
        a.send(AgiConnection.environment("route", "5551234", "9.9"));
        assertThat(a.readCommand()).startsWith("EXEC MSet ");
        Thread closer = new Thread(() -> server.close(Duration.ofSeconds(10)));
        closer.start();
        // New calls are refused once the listener is closed; the live one is still answered.
        boolean refused = false;
        for (int i = 0; i < 200 && !refused; i++) {
            try (AgiConnection late = AgiConnection.connect(addr)) {
                Thread.sleep(10);
            } catch (java.io.IOException e) {
                refused = true;
            }
        }
        assertThat(refused).isTrue();
        a.send("200 result=0\n");
        assertThat(a.closedByServer()).isTrue();
        a.close();
        closer.join(15_000);
        assertThat(outcomes("completed")).isEqualTo(1);
        assertThat(outcomes("shutdown")).isZero();
    }

    private void awaitCount(String outcome, double n) throws InterruptedException {
        for (int i = 0; i < 500 && outcomes(outcome) < n; i++) {
            Thread.sleep(10);
        }
        assertThat(outcomes(outcome)).as("sessions ended with outcome " + outcome).isEqualTo(n);
    }
}
