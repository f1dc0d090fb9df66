package com.callportrait.speech.audiosocket;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.callportrait.common.net.SourceAllowList;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@code CP_AUDIOSOCKET_ALLOW} on real sockets: the server listens on 0.0.0.0; a connection from
 * a source outside the list is closed without a session ever being opened, one from inside
 * reaches the sink.
 */
class AudioSocketAllowListIT {
    private final List<UUID> opened = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private AudioSocketServer start(String allow) {
        CallAudioSinkFactory sinks = id -> {
            opened.add(id);
            return new CallAudioSink() {
                @Override
                public void audio(AudioSocketFrame.Audio frame) {
                }

                @Override
                public void dtmf(char digit) {
                }

                @Override
                public void end(String reason) {
                }
            };
        };
        AudioSocketOptions o = AudioSocketOptions.defaults().withHost("0.0.0.0").withPort(0)
                .withAllow(SourceAllowList.parse("CP_AUDIOSOCKET_ALLOW", allow));
        return AudioSocketServer.start(o, sinks, registry);
    }

    /** Connects from {@code source}, sends a UUID frame; true when the server closed without reading it. */
    private static boolean refused(String source, int port, UUID id) throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(source, 0));
            s.setSoTimeout(5_000);
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            assertThat(s.getLocalAddress().getHostAddress()).isEqualTo(source);
            s.getOutputStream().write(ByteBuffer.allocate(19).put((byte) 1).putShort((short) 16)
                    .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array());
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            try {
                return in.read() == -1; // the server closed the socket
            } catch (java.net.SocketTimeoutException stillOpen) {
                return false;
            } catch (IOException reset) {
                return true; // closed with our bytes unread: a reset
            }
        }
    }

    private double refusedCount() {
        var c = registry.find("cp.connections.refused").tag("server", "audiosocket").counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aSourceOutsideTheListIsClosedBeforeASessionOpens() throws Exception {
        try (AudioSocketServer server = start("10.0.0.0/8, fd00::/8")) {
            UUID id = UUID.randomUUID();
            assertThat(refused("127.0.0.1", server.port(), id)).isTrue();
            assertThat(refusedCount()).isEqualTo(1.0);
            assertThat(opened).isEmpty();
        }
    }

    @Test
    void onlyTheListedLoopbackAddressGetsASession() throws Exception {
        try (AudioSocketServer server = start("127.0.0.1/32")) {
            assertThat(refused("127.0.0.2", server.port(), UUID.randomUUID())).isTrue();
            UUID allowed = UUID.randomUUID();
            try (Socket s = new Socket()) {
                s.bind(new InetSocketAddress("127.0.0.1", 0));
                s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
                s.getOutputStream().write(ByteBuffer.allocate(19).put((byte) 1).putShort((short) 16)
                        .putLong(allowed.getMostSignificantBits()).putLong(allowed.getLeastSignificantBits()).array());
                s.getOutputStream().flush();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (opened.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
            }
            assertThat(opened).containsExactly(allowed);
            assertThat(refusedCount()).isEqualTo(1.0);
        }
    }

    @Test
    void aBurstOfRefusalsIsCountedInFullButLoggedOnce() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger log = (Logger) LoggerFactory.getLogger("com.callportrait.common.net");
        log.addAppender(logs);
        try (AudioSocketServer server = start("192.0.2.0/24")) {
            for (int i = 0; i < 5; i++) {
                assertThat(refused("127.0.0.1", server.port(), UUID.randomUUID())).isTrue();
            }
            assertThat(refusedCount()).isEqualTo(5.0);
            assertThat(opened).isEmpty();
        } finally {
            log.detachAppender(logs);
        }
        // One line per 10 s at most: a port scan cannot flood the log; the rest are in the counter.
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("refused audiosocket connection from 127.0.0.1 (not in CP_AUDIOSOCKET_ALLOW)");
    }
}
