package com.callportrait.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.common.net.SourceAllowList;
import com.callportrait.speech.audiosocket.AudioSocketFrame;
import com.callportrait.speech.audiosocket.AudioSocketOptions;
import com.callportrait.speech.audiosocket.AudioSocketServer;
import com.callportrait.speech.audiosocket.CallAudioSink;
import com.callportrait.speech.audiosocket.CallAudioSinkFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The AudioSocket server on a real loopback port: many connections sending fuzzed frames in
 * parallel with one good session streaming the call recorded from Asterisk 22. The good session's
 * every audio frame reaches its sink byte for byte; each hostile session is closed by the server,
 * logged and counted as rejected; afterwards no descriptor or server thread is left.
 */
class HostileAudioSocketIT {
    private static final int HOSTILE = 60;
    private static final byte[] RECORDED = Corpus.resource("/audiosocket/audiosocket-inbound.bin");

    /** Thread-safe recording sinks, by call id. */
    static final class Sinks implements CallAudioSinkFactory {
        final Map<UUID, List<byte[]>> audio = new ConcurrentHashMap<>();
        final Map<UUID, String> ended = new ConcurrentHashMap<>();
        final List<String> rejected = Collections.synchronizedList(new ArrayList<>());
        final List<String> endedTwice = Collections.synchronizedList(new ArrayList<>());

        @Override
        public CallAudioSink open(UUID callId) {
            List<byte[]> frames = Collections.synchronizedList(new ArrayList<>());
            audio.put(callId, frames);
            return new CallAudioSink() {
                @Override
                public void audio(AudioSocketFrame.Audio frame) {
                    frames.add(frame.pcm());
                }

                @Override
                public void dtmf(char digit) {
                }

                private int ends;

                @Override
                public void end(String reason) {
                    if (++ends > 1) {
                        endedTwice.add(callId + ": " + reason);
                    }
                    ended.put(callId, reason);
                }
            };
        }

        @Override
        public void sessionRejected(String reason) {
            rejected.add(reason);
        }
    }

    @Test
    void hostileConnectionsEndAloneWhileTheRecordedCallStreams() throws Exception {
        Sinks sinks = new Sinks();
        AudioSocketServer server = AudioSocketServer.start(
                new AudioSocketOptions("127.0.0.1", 0, AudioSocketFuzzTest.MAX_PAYLOAD, 10_000, SourceAllowList.any()), sinks);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (QuietLogs logs = new QuietLogs(true, "com.callportrait.speech.audiosocket")) {
            goodSession(server.port(), sinks);
            int fds = Resources.openFds();
            long threads = Resources.threads("nioEventLoopGroup");

            List<Future<Boolean>> closed = new ArrayList<>();
            for (byte[] in : hostileInputs(HOSTILE)) {
                closed.add(pool.submit(() -> sendAndAwaitClose(server.port(), in)));
            }
            goodSession(server.port(), sinks);
            for (Future<Boolean> f : closed) {
                assertThat(f.get(20, TimeUnit.SECONDS)).as("closed by the server").isTrue();
            }
            assertThat(Resources.await(10, () -> sinks.rejected.size() == HOSTILE)).as("rejected " + sinks.rejected.size())
                    .isTrue();
            assertThat(logs.warnings().stream().filter(w -> w.contains("AudioSocket protocol violation")).count())
                    .as("hostile sessions logged with their reason").isEqualTo(HOSTILE);
            assertThat(logs.errors()).isEmpty();
            assertThat(sinks.endedTwice).as("sessions ended twice").isEmpty();
            assertThat(Resources.await(5, () -> Resources.openFds() <= fds)).as("file descriptors " + Resources.openFds()
                    + " after, " + fds + " before").isTrue();
            assertThat(Resources.threads("nioEventLoopGroup")).as("server threads").isLessThanOrEqualTo(threads);
        } finally {
            pool.shutdownNow();
            server.close();
        }
    }

    /** Streams the recording under a fresh UUID, closes, and checks the sink got every frame exactly. */
    private static void goodSession(int port, Sinks sinks) throws Exception {
        UUID id = UUID.randomUUID();
        byte[] stream = RECORDED.clone();
        java.nio.ByteBuffer.wrap(stream, 3, 16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            for (int at = 0; at < stream.length; at += 4000) {
                out.write(stream, at, Math.min(4000, stream.length - at));
                out.flush();
            }
        }
        assertThat(Resources.await(10, () -> sinks.ended.containsKey(id))).isTrue();
        assertThat(sinks.ended.get(id)).isEqualTo("connection closed");
        List<int[]> frames = AudioSocketModel.headers(RECORDED);
        List<byte[]> got = sinks.audio.get(id);
        assertThat(got).hasSize(frames.size() - 1);
        for (int i = 1; i < frames.size(); i++) {
            int at = frames.get(i)[0];
            assertThat(got.get(i - 1)).isEqualTo(Arrays.copyOfRange(RECORDED, at + 3, at + 3 + frames.get(i)[1]));
        }
    }

    private static boolean sendAndAwaitClose(int port, byte[] in) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(15_000);
            try {
                s.getOutputStream().write(in);
                s.getOutputStream().flush();
            } catch (SocketException e) {
                return true; // the server closed while we were still writing
            }
            InputStream is = s.getInputStream();
            try {
                while (true) {
                    int b = is.read();
                    if (b < 0) {
                        return true;
                    }
                    // the server only ever sends hangup or audio; read on until it closes
                }
            } catch (SocketException e) {
                return true;
            }
        }
    }

    /** Fuzzed inputs that open a session and then break a rule before any hangup or error frame. */
    static List<byte[]> hostileInputs(int n) {
        AudioSocketFuzzTest fuzz = new AudioSocketFuzzTest();
        List<byte[]> out = new ArrayList<>();
        for (long i = 0; out.size() < n; i++) {
            byte[] in = fuzz.mutatorInput(FuzzRun.caseRandom(77, i));
            AudioSocketModel m = AudioSocketModel.of(in, AudioSocketFuzzTest.MAX_PAYLOAD);
            if (m.violation() && !m.frames().isEmpty() && m.frames().stream().noneMatch(f -> f[0] == 0x00 || f[0] == 0xFF)) {
                out.add(in);
            }
        }
        return out;
    }
}
