package com.callportrait.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.route.fastagi.AgiDecoder;
import com.callportrait.route.fastagi.AgiLimits;
import com.callportrait.route.fastagi.AgiMetrics;
import com.callportrait.route.fastagi.AgiProtocolException;
import com.callportrait.route.fastagi.AgiReply;
import com.callportrait.route.fastagi.AgiScripts;
import com.callportrait.route.fastagi.AgiServer;
import com.callportrait.route.fastagi.AgiSession;
import com.callportrait.route.fastagi.RecordedSession;
import com.callportrait.simulator.agi.AgiConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The FastAGI server on a real loopback port: many connections sending fuzzed environment blocks
 * in parallel with one good session that replays the session recorded from Asterisk 22. The good
 * session completes byte for byte; each hostile one is closed by the server with a logged reason
 * and counted as {@code protocol_error}; afterwards no session, file descriptor or thread is left.
 */
class HostileAgiIT {
    private static final int HOSTILE = 60;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RecordedSession rec = RecordedSession.load();
    private final List<AgiReply> replies = new CopyOnWriteArrayList<>();

    private CompletionStage<?> replay(AgiSession s) {
        CompletionStage<?> chain = CompletableFuture.completedFuture(null);
        for (RecordedSession.Exchange e : rec.exchanges()) {
            chain = chain.thenCompose(x -> s.send(e.command())).thenAccept(replies::add);
        }
        return chain;
    }

    @Test
    void hostileConnectionsEndAloneWhileAGoodSessionCompletes() throws Exception {
        AgiScripts scripts = AgiScripts.builder().add("replay", this::replay).build();
        AgiServer server = AgiServer.create(scripts, new AgiMetrics(registry), AgiFuzzTest.LIMITS,
                Duration.ofSeconds(5), 2);
        InetSocketAddress addr = server.start("127.0.0.1", 0);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (QuietLogs logs = new QuietLogs(true, "com.callportrait.route.fastagi")) {
            for (int i = 0; i < 2; i++) { // starts both event loops before counting threads and descriptors
                replies.clear();
                goodSession(addr);
            }
            replies.clear();
            assertThat(Resources.await(5, () -> server.activeSessions() == 0)).isTrue();
            int fds = Resources.openFds();
            long threads = Resources.threads("agi-");
            double before = outcomes("protocol_error");

            List<byte[]> hostile = hostileInputs(HOSTILE);
            List<Future<Boolean>> closed = new ArrayList<>();
            for (byte[] in : hostile) {
                closed.add(pool.submit(() -> {
                    try (AgiConnection a = AgiConnection.connect(addr)) {
                        a.send(in);
                        return a.closedByServer();
                    }
                }));
            }
            goodSession(addr);
            for (Future<Boolean> f : closed) {
                assertThat(f.get(20, TimeUnit.SECONDS)).as("closed by the server").isTrue();
            }
            assertThat(Resources.await(10, () -> outcomes("protocol_error") - before == HOSTILE)).isTrue();
            assertThat(Resources.await(10, () -> server.activeSessions() == 0)).as("sessions left open").isTrue();
            assertThat(outcomes("completed")).isEqualTo(3);
            assertThat(logs.warnings().stream().filter(w -> w.contains("protocol violation")).count())
                    .as("hostile sessions logged with their reason").isEqualTo(HOSTILE);
            assertThat(logs.errors()).isEmpty();
            assertThat(Resources.await(5, () -> Resources.openFds() <= fds)).as("file descriptors " + Resources.openFds()
                    + " after, " + fds + " before").isTrue();
            assertThat(Resources.threads("agi-")).as("server threads").isLessThanOrEqualTo(threads);
        } finally {
            pool.shutdownNow();
            server.close(Duration.ofSeconds(2));
        }
    }

    /** The recorded session, byte for byte: every command as Asterisk saw it, every reply as it answered. */
    private void goodSession(InetSocketAddress addr) throws Exception {
        try (AgiConnection a = AgiConnection.connect(addr)) {
            String env = new String(rec.environment(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("network_script: route", "network_script: replay");
            a.send(env);
            for (RecordedSession.Exchange e : rec.exchanges()) {
                assertThat(a.readCommand()).isEqualTo(e.command() + "\n");
                a.send(e.reply());
            }
            assertThat(a.closedByServer()).isTrue();
        }
        assertThat(replies).hasSize(rec.exchanges().size());
        assertThat(replies.get(3).data()).contains("5551234");
        assertThat(replies.get(6).lines()).hasSize(3);
    }

    /**
     * Fuzzed inputs that break the protocol inside the environment block without the peer closing
     * (decided by the decoder alone), so each must end as {@code protocol_error}.
     */
    static List<byte[]> hostileInputs(int n) {
        AgiFuzzTest fuzz = new AgiFuzzTest();
        List<byte[]> out = new ArrayList<>();
        for (long i = 0; out.size() < n; i++) {
            SplittableRandom r = FuzzRun.caseRandom(99, i);
            byte[] in = fuzz.mutatorInput(r);
            DecoderHarness.Outcome o = DecoderHarness.feed(() -> new AgiDecoder(AgiFuzzTest.LIMITS),
                    AgiProtocolException.class, in, new int[] {in.length}, Long.MAX_VALUE, false);
            if (o.violated() && o.violationAt() == 0 && in.length > 0) {
                out.add(in);
            }
        }
        return out;
    }

    private double outcomes(String outcome) {
        Counter c = registry.find("cp.agi.sessions").tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }
}
