package com.callportrait.simulator.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The caller's voice of a simulated call, as Asterisk's {@code AudioSocket()} sends it: a TCP
 * connection to the AudioSocket port, the UUID frame ({@code 0x01}, the call's CP_UUID), then
 * signed-linear 8 kHz audio in 20 ms frames ({@code 0x10}, 320 bytes) at real time, then the socket
 * is closed (Asterisk's hangup). The audio is a committed recording: by default the caller side of
 * a call recorded from Asterisk 22 ({@code sim/caller-8k.raw}: "I've been waiting for an hour ...
 * all I want is to speak to a manager", 7.5 s).
 *
 * <p>Immutable and thread-safe; {@link #stream} blocks its thread for the length of the audio.
 */
public final class AudioCaller {
    static final int FRAME_BYTES = 320;

    private final InetSocketAddress target;
    private final byte[] audio;
    private final java.util.function.ObjLongConsumer<String> onStart;

    private AudioCaller(InetSocketAddress target, byte[] audio) {
        this(target, audio, (id, t) -> { });
    }

    private AudioCaller(InetSocketAddress target, byte[] audio, java.util.function.ObjLongConsumer<String> onStart) {
        this.onStart = onStart;
        if (audio.length == 0 || audio.length % 2 != 0) {
            throw new IllegalArgumentException("audio must be non-empty 16-bit samples, got " + audio.length + " bytes");
        }
        this.target = target;
        this.audio = audio;
    }

    /** Streams the bundled recording to the AudioSocket server at {@code target}. */
    public static AudioCaller bundled(InetSocketAddress target) {
        try (InputStream in = AudioCaller.class.getResourceAsStream("/sim/caller-8k.raw")) {
            if (in == null) {
                throw new IllegalStateException("sim/caller-8k.raw is missing from the classpath");
            }
            return new AudioCaller(target, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same caller, telling {@code onStart} (call id, {@link System#nanoTime()}) when each
     * stream's first frame is written (transcript lag measurements).
     */
    public AudioCaller withStartListener(java.util.function.ObjLongConsumer<String> listener) {
        return new AudioCaller(target, audio, listener);
    }

    /** The audio's length in milliseconds. */
    public long durationMs() {
        return audio.length / 16L;
    }

    /** Plays the audio as call {@code callId} (a UUID); returns when the socket is closed. */
    public void stream(String callId) throws IOException, InterruptedException {
        stream(callId, t -> onStart.accept(callId, t));
    }

    /**
     * As {@link #stream(String)}; {@code started} gets the {@link System#nanoTime()} at which the
     * first audio frame was written: second {@code s} of the audio is sent at {@code started + s}
     * (frames are paced from that instant without drift), which is what a transcript's
     * {@code endSec} is measured against.
     */
    public void stream(String callId, java.util.function.LongConsumer started)
            throws IOException, InterruptedException {
        UUID id = UUID.fromString(callId);
        try (Socket s = new Socket()) {
            s.connect(target, 5000);
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            out.write(ByteBuffer.allocate(19).put((byte) 0x01).putShort((short) 16)
                    .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array());
            long start = System.nanoTime();
            started.accept(start);
            byte[] frame = new byte[3 + FRAME_BYTES];
            frame[0] = 0x10;
            for (int off = 0, n = 0; off < audio.length; off += FRAME_BYTES, n++) {
                int len = Math.min(FRAME_BYTES, audio.length - off);
                frame[1] = (byte) (len >> 8);
                frame[2] = (byte) len;
                System.arraycopy(audio, off, frame, 3, len);
                out.write(frame, 0, 3 + len);
                out.flush();
                // Real time: frame n+1 is due 20 ms after frame n, measured from the start (no drift).
                long ahead = start + (n + 1) * 20_000_000L - System.nanoTime();
                if (ahead > 0) {
                    TimeUnit.NANOSECONDS.sleep(ahead);
                }
            }
        }
    }
}
