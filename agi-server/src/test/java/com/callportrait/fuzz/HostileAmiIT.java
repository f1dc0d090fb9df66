package com.callportrait.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.live.ami.AmiClient;
import com.callportrait.live.ami.AmiDecoder;
import com.callportrait.live.ami.AmiListener;
import com.callportrait.live.ami.AmiMessage;
import com.callportrait.live.ami.AmiOptions;
import com.callportrait.live.ami.AmiProtocolException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The AMI client against endpoints that send fuzzed garbage. Five clients share an endpoint that
 * answers its first 60 connections with a different fuzzed stream each, while a sixth meets
 * garbage on its first three connections and then a well-behaved endpoint replaying the event
 * stream recorded from Asterisk 22: it logs in and receives every recorded event, field for
 * field. Every hostile connection is closed by its client with a logged reason and counted once
 * in {@code cp.ami.protocol.errors}; every client recovers once the garbage stops; once the
 * clients are closed no descriptor or client thread is left.
 */
class HostileAmiIT {
    private static final byte[] EVENTS = Corpus.resource("/ami/ami-events.txt");

    /** Serves connection {@code i} with {@code hostile.get(i)} while there are any, then as a good AMI. */
    static final class Endpoint implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0);
        final List<byte[]> hostile;
        final AtomicInteger connections = new AtomicInteger();
        final List<Socket> sockets = new CopyOnWriteArrayList<>();

        Endpoint(List<byte[]> hostile) throws IOException {
            this.hostile = hostile;
            Thread t = new Thread(this::accept, "hostile-ami");
            t.setDaemon(true);
            t.start();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    sockets.add(s);
                    int i = connections.getAndIncrement();
                    Thread t = new Thread(() -> serve(s, i), "hostile-ami-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket s, int i) {
            try (s) {
                OutputStream out = s.getOutputStream();
                if (i < hostile.size()) {
                    out.write(hostile.get(i));
                    out.flush();
                    while (s.getInputStream().read() >= 0) {
                        // wait for the client to hang up
                    }
                    return;
                }
                // The recording starts with the banner; its login reply follows once we saw the Login.
                int bannerEnd = indexOf(EVENTS, "\r\n") + 2;
                int loginEnd = indexOf(EVENTS, "\r\n\r\n") + 4;
                out.write(EVENTS, 0, bannerEnd);
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                String id = null;
                for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
                    if (line.startsWith("ActionID: ")) {
                        id = line.substring(10);
                    }
                }
                out.write(("Response: Success\r\nActionID: " + id + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.write(EVENTS, indexOf(EVENTS, "Message: "), EVENTS.length - indexOf(EVENTS, "Message: "));
                out.flush();
                assertThat(loginEnd).isGreaterThan(bannerEnd);
                while (in.read() >= 0) {
                    // keep the connection until the client logs off
                }
            } catch (IOException e) {
                // client went away
            }
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    @Test
    void garbageEndsOnlyItsConnectionAndTheClientRecovers() throws Exception {
        List<AmiMessage> recorded = recordedEvents();
        try (Endpoint warm = new Endpoint(List.of());
             AmiClient first = AmiClient.create(options(warm.port()), Set.of(), new SimpleMeterRegistry()).start()) {
            // The first client in a JVM opens descriptors that stay (selector provider); count after it.
            assertThat(Resources.await(10, first::connected)).isTrue();
        }
        assertThat(Resources.await(10, () -> Resources.threads("ami-") == 0)).isTrue();
        int fds = Resources.openFds();
        List<byte[]> garbage = hostileInputs(63);
        try (QuietLogs logs = new QuietLogs(true, "com.callportrait.live.ami");
             Endpoint flaky = new Endpoint(garbage.subList(0, 3));
             Endpoint hostile = new Endpoint(garbage.subList(3, garbage.size()))) {
            List<AmiMessage> got = Collections.synchronizedList(new ArrayList<>());
            SimpleMeterRegistry goodMetrics = new SimpleMeterRegistry();
            List<SimpleMeterRegistry> hostileMetrics = new ArrayList<>();
            List<AmiClient> hostileClients = new ArrayList<>();
            AmiClient good = AmiClient.create(options(flaky.port()), Set.of(), goodMetrics);
            good.addListener(new AmiListener() {
                @Override
                public void onEvent(AmiMessage event) {
                    got.add(event);
                }
            });
            try {
                for (int i = 0; i < 5; i++) {
                    SimpleMeterRegistry m = new SimpleMeterRegistry();
                    hostileMetrics.add(m);
                    hostileClients.add(AmiClient.create(options(hostile.port()), Set.of(), m).start());
                }
                good.start();
                assertThat(Resources.await(30, () -> got.size() == recorded.size())).as("events " + got.size()).isTrue();
                assertThat(got).isEqualTo(recorded);
                assertThat(good.connected()).isTrue();
                assertThat(goodMetrics.counter("cp.ami.protocol.errors").count()).isEqualTo(3);
                // Once the hostile endpoint has no garbage left it behaves: every client recovers.
                assertThat(Resources.await(30, () -> hostileClients.stream().allMatch(AmiClient::connected))).isTrue();
            } finally {
                good.close();
                hostileClients.forEach(AmiClient::close);
            }
            double hostileErrors = hostileMetrics.stream().mapToDouble(m -> m.counter("cp.ami.protocol.errors").count()).sum();
            assertThat(hostileErrors).isEqualTo(garbage.size() - 3);
            assertThat(logs.warnings().stream().filter(w -> w.startsWith("AMI protocol violation")).count())
                    .isEqualTo(garbage.size());
            assertThat(logs.errors()).isEmpty();
        }
        assertThat(Resources.await(10, () -> Resources.threads("ami-") == 0)).as("client threads left").isTrue();
        assertThat(Resources.await(10, () -> Resources.openFds() <= fds)).as("file descriptors " + Resources.openFds()
                + " after, " + fds + " before").isTrue();
    }

    private static AmiOptions options(int port) {
        return new AmiOptions("127.0.0.1", port, "cp", "s3cret", Duration.ofSeconds(2), 1000, Duration.ofMillis(10),
                Duration.ofMillis(40));
    }

    /** Events of the recording as the decoder reads them (the banner and login reply left out). */
    private static List<AmiMessage> recordedEvents() {
        DecoderHarness.Outcome o = DecoderHarness.feed(AmiDecoder::client, AmiProtocolException.class, EVENTS,
                new int[] {EVENTS.length}, Long.MAX_VALUE);
        return o.messages().stream().filter(m -> m instanceof AmiMessage a && a.event().isPresent())
                .map(AmiMessage.class::cast).toList();
    }

    /**
     * Fuzzed streams a client rejects before anything but the banner was read (so none of them
     * can log in), decided by the decoder alone.
     */
    static List<byte[]> hostileInputs(int n) {
        AmiFuzzTest fuzz = new AmiFuzzTest();
        List<byte[]> out = new ArrayList<>();
        for (long i = 0; out.size() < n; i++) {
            byte[] in = fuzz.mutatorInput(FuzzRun.caseRandom(55, i));
            DecoderHarness.Outcome o = DecoderHarness.feed(AmiDecoder::client, AmiProtocolException.class, in,
                    new int[] {Math.max(1, in.length)}, Long.MAX_VALUE, false);
            if (in.length > 0 && o.violated() && o.violationAt() <= 1) {
                out.add(in);
            }
        }
        return out;
    }

    private static int indexOf(byte[] hay, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + n.length <= hay.length; i++) {
            for (int k = 0; k < n.length; k++) {
                if (hay[i + k] != n[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
