package com.callportrait.simulator.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The session API against a local server that records every byte it receives. */
class AudioCallerTest {
    /** The CP_UUID of the AudioSocket session recorded from Asterisk 22. */
    static final String RECORDED_CALL = "3d6a2e28-b1c8-4948-baed-34d706a0a6f8";
    /** SHA-256 of every byte Asterisk 22 sent in that session (audiosocket-inbound.bin, 120498 bytes). */
    static final String RECORDED_SHA256 = "882aebc085a4902f2859e51cfad2b5109065bf92d16770577e98c9f6078f8c05";
    static final String UUID_FRAME = "0100103d6a2e28b1c84948baed34d706a0a6f8";

    private ServerSocket server;
    private CompletableFuture<byte[]> received;

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        received = CompletableFuture.supplyAsync(() -> {
            try (Socket s = server.accept()) {
                return s.getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    private byte[] bytes() throws Exception {
        return received.get(10, TimeUnit.SECONDS);
    }

    @Test
    void sendsTheRecordedAsteriskSessionByteForByte() throws Exception {
        try (AudioCaller.Session s = AudioCaller.connect(address(), RECORDED_CALL)) {
            assertThat(s.rate()).isEqualTo(AudioCaller.Rate.SLIN_8K);
            s.send(AudioCaller.bundledAudio());
        } // Asterisk's hangup: the socket closes, no frame
        byte[] got = bytes();
        assertThat(HexFormat.of().formatHex(got, 0, 22)).isEqualTo(UUID_FRAME + "100140");
        assertThat(got).hasSize(19 + 373 * (3 + 320));
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(got)))
                .isEqualTo(RECORDED_SHA256);
    }

    @Test
    void samplesAreLittleEndianAndTheLastFrameIsShort() throws Exception {
        short[] samples = new short[170]; // 1 frame of 160 samples, then 10
        samples[0] = 0x0102;
        samples[169] = -2;
        try (AudioCaller.Session s = AudioCaller.connect(address(), RECORDED_CALL)) {
            s.send(samples);
        }
        byte[] got = bytes();
        String hex = HexFormat.of().formatHex(got);
        assertThat(hex).startsWith(UUID_FRAME + "100140" + "0201");
        assertThat(got).hasSize(19 + 3 + 320 + 3 + 20);
        assertThat(hex.substring(2 * (19 + 323))).isEqualTo("100014" + "00".repeat(18) + "feff");
    }

    @Test
    void sixteenKilohertzFramesAre640Bytes() throws Exception {
        try (AudioCaller.Session s = AudioCaller.connect(address(), RECORDED_CALL, AudioCaller.Rate.SLIN_16K)) {
            s.send(new byte[1280]);
        }
        String hex = HexFormat.of().formatHex(bytes());
        assertThat(hex).isEqualTo(UUID_FRAME + ("120280" + "00".repeat(640)).repeat(2));
    }

    @Test
    void silenceIsPacedAtRealTimeAndHangupSendsTheHangupFrame() throws Exception {
        AudioCaller.Session s = AudioCaller.connect(address(), RECORDED_CALL);
        long t0 = System.nanoTime();
        s.sendSilence(Duration.ofMillis(100));
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        s.hangup();
        assertThat(HexFormat.of().formatHex(bytes()))
                .isEqualTo(UUID_FRAME + ("100140" + "00".repeat(320)).repeat(5) + "000000");
        assertThatThrownBy(() -> s.send(new byte[2])).isInstanceOf(IOException.class);
        s.close(); // again: nothing happens
    }

    @Test
    void rejectsWhatAsteriskCouldNotSend() throws Exception {
        assertThatThrownBy(() -> AudioCaller.connect(address(), "not-a-uuid"))
                .isInstanceOf(IllegalArgumentException.class);
        try (AudioCaller.Session s = AudioCaller.connect(address(), RECORDED_CALL)) {
            assertThatThrownBy(() -> s.send(new byte[3])).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> s.stream(new byte[2], 0)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(HexFormat.of().formatHex(bytes())).isEqualTo(UUID_FRAME);
    }
}
