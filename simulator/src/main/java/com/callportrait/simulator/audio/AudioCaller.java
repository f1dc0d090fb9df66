package com.callportrait.simulator.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.ObjLongConsumer;

/**
 * The caller's voice of a simulated call, as Asterisk's {@code AudioSocket()} sends it: a TCP
 * connection to the AudioSocket port, the UUID frame ({@code 0x01}, the call's CP_UUID), then
 * signed-linear 8 kHz audio in 20 ms frames ({@code 0x10}, 320 bytes) at real time, then the socket
 * is closed (Asterisk's hangup). The audio is a committed recording: by default the caller side of
 * a call recorded from Asterisk 22 ({@code sim/caller-8k.raw}: "I've been waiting for an hour ...
 * all I want is to speak to a manager", 7.5 s).
 *
 * <p>For audio of the caller's own choosing, or a connection kept open between sends, open a
 * {@link Session} with {@link #connect(InetSocketAddress, String)}.
 *
 * <p>Immutable and thread-safe; {@link #stream} blocks its thread for the length of the audio.
 */
public final class AudioCaller {
    static final int CONNECT_TIMEOUT_MS = 5000;

    private final InetSocketAddress target;
    private final byte[] audio;
    private final ObjLongConsumer<String> onStart;

    private AudioCaller(InetSocketAddress target, byte[] audio) {
        this(target, audio, (id, t) -> { });
    }

    private AudioCaller(InetSocketAddress target, byte[] audio, ObjLongConsumer<String> onStart) {
        this.onStart = onStart;
        if (audio.length == 0 || audio.length % 2 != 0) {
            throw new IllegalArgumentException("audio must be non-empty 16-bit samples, got " + audio.length + " bytes");
        }
        this.target = target;
        this.audio = audio;
    }

    /** Streams the bundled recording to the AudioSocket server at {@code target}. */
    public static AudioCaller bundled(InetSocketAddress target) {
        return new AudioCaller(target, bundledAudio());
    }

    /**
     * Streams {@code pcm} (8 kHz signed 16-bit little-endian mono, e.g. the data of a WAV file) to
     * the AudioSocket server at {@code target}: a caller saying something else than the bundled
     * recording.
     *
     * @throws IllegalArgumentException if {@code pcm} is empty or not whole 16-bit samples
     */
    public static AudioCaller of(InetSocketAddress target, byte[] pcm) {
        return new AudioCaller(target, pcm.clone());
    }

    /**
     * A fresh copy of the bundled recording ({@code sim/caller-8k.raw}): 8 kHz signed 16-bit
     * little-endian mono PCM, exactly the audio of the Asterisk 22 AudioSocket session it was taken from.
     */
    public static byte[] bundledAudio() {
        try (InputStream in = AudioCaller.class.getResourceAsStream("/sim/caller-8k.raw")) {
            if (in == null) {
                throw new IllegalStateException("sim/caller-8k.raw is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens a call's AudioSocket connection at 8 kHz, as {@code AudioSocket()} does: connects
     * (TCP_NODELAY) and sends the UUID frame; no audio yet.
     *
     * @param callUuid the call's CP_UUID, a UUID string
     * @throws IllegalArgumentException if {@code callUuid} is not a UUID
     * @throws IOException if the connection cannot be made or the UUID frame not written
     */
    public static Session connect(InetSocketAddress address, String callUuid) throws IOException {
        return connect(address, callUuid, Rate.SLIN_8K);
    }

    /**
     * As {@link #connect(InetSocketAddress, String)}, sending audio at {@code rate} (the channel
     * driver's {@code Dial(AudioSocket/host:port/uuid/c(slin16))} sends {@link Rate#SLIN_16K}).
     */
    public static Session connect(InetSocketAddress address, String callUuid, Rate rate) throws IOException {
        return new Session(address, UUID.fromString(callUuid), rate);
    }

    /**
     * The same caller, telling {@code onStart} (call id, {@link System#nanoTime()}) when each
     * stream's first frame is written (transcript lag measurements).
     */
    public AudioCaller withStartListener(ObjLongConsumer<String> listener) {
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
    public void stream(String callId, LongConsumer started) throws IOException, InterruptedException {
        try (Session s = connect(target, callId)) {
            s.stream(audio, 1.0, started);
        }
    }

    /**
     * The signed-linear audio kinds a simulated caller sends, and their 20 ms frame sizes.
     * Immutable and thread-safe.
     */
    public enum Rate {
        /** {@code 0x10}, 8 kHz: what {@code AudioSocket()} always sends; 320-byte frames. */
        SLIN_8K(0x10, 8_000),
        /** {@code 0x12}, 16 kHz: the channel driver with {@code c(slin16)}; 640-byte frames. */
        SLIN_16K(0x12, 16_000);

        private final int kind;
        private final int hz;

        Rate(int kind, int hz) {
            this.kind = kind;
            this.hz = hz;
        }

        /** The frame kind byte. */
        public int kind() {
            return kind;
        }

        /** Samples per second. */
        public int hz() {
            return hz;
        }

        /** Bytes in one 20 ms frame (16-bit samples). */
        public int frameBytes() {
            return hz / 50 * 2;
        }
    }

    /**
     * One call's open AudioSocket connection, speaking as Asterisk does: the UUID frame was sent
     * when it was opened, audio goes out as frames of 20 ms of the session's {@link Rate} (the last
     * frame of a send may be shorter, its length field says so), each written at once with its
     * header. {@link #close()} is Asterisk's hangup: the socket is closed, no frame is sent.
     *
     * <p>Lifecycle: open from {@link AudioCaller#connect}; send any number of times; end with
     * {@link #close()} (or {@link #hangup()}); closing again does nothing, sending after it throws
     * {@link IOException}. Whatever the server writes back is not read.
     *
     * <p>Not thread-safe: one thread sends at a time. {@link #close()} may be called from any
     * thread; a send in progress on another thread then fails with an {@link IOException}.
     */
    public static final class Session implements AutoCloseable {
        private static final byte KIND_UUID = 0x01;
        private static final byte KIND_HANGUP = 0x00;

        private final Socket socket;
        private final OutputStream out;
        private final Rate rate;
        private volatile boolean closed;

        private Session(InetSocketAddress address, UUID id, Rate rate) throws IOException {
            this.rate = rate;
            this.socket = new Socket();
            try {
                socket.connect(address, CONNECT_TIMEOUT_MS);
                socket.setTcpNoDelay(true);
                out = socket.getOutputStream();
                out.write(ByteBuffer.allocate(19).put(KIND_UUID).putShort((short) 16)
                        .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array());
                out.flush();
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
        }

        /** The audio kind this session sends. */
        public Rate rate() {
            return rate;
        }

        /** Writes {@code pcm} (16-bit little-endian samples) as 20 ms frames at once, unpaced. */
        public void send(byte[] pcm) throws IOException {
            checkSamples(pcm);
            for (int off = 0; off < pcm.length; off += rate.frameBytes()) {
                writeFrame(pcm, off);
            }
        }

        /** As {@link #send(byte[])}, for samples given as numbers. */
        public void send(short[] samples) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(samples.length * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            b.asShortBuffer().put(samples);
            send(b.array());
        }

        /**
         * Sends {@code pcm} at real time: frame {@code n} is written {@code n × 20 ms} after the
         * first, without drift; returns 20 ms after the last frame was written (when the audio is
         * over), so consecutive calls continue seamlessly.
         */
        public void streamRealTime(byte[] pcm) throws IOException, InterruptedException {
            stream(pcm, 1.0);
        }

        /**
         * As {@link #streamRealTime(byte[])}, {@code speed} times faster than real time (2.0 sends
         * a frame every 10 ms).
         */
        public void stream(byte[] pcm, double speed) throws IOException, InterruptedException {
            stream(pcm, speed, t -> { });
        }

        /** {@code length} of silence (zero samples) at real time, as a caller saying nothing. */
        public void sendSilence(Duration length) throws IOException, InterruptedException {
            long samples = length.toNanos() * rate.hz() / 1_000_000_000L;
            streamRealTime(new byte[Math.toIntExact(samples * 2)]);
        }

        /**
         * Sends the hangup frame ({@code 0x00}, length 0) and closes the socket. Real Asterisk never
         * sends it (it just closes, as {@link #close()} does), but the protocol allows it.
         */
        public void hangup() throws IOException {
            try {
                ensureOpen();
                out.write(new byte[] {KIND_HANGUP, 0, 0});
                out.flush();
            } finally {
                close();
            }
        }

        /** Closes the socket without a frame, as Asterisk hangs up. Idempotent. */
        @Override
        public void close() throws IOException {
            closed = true;
            socket.close();
        }

        void stream(byte[] pcm, double speed, LongConsumer started) throws IOException, InterruptedException {
            checkSamples(pcm);
            if (!(speed > 0)) {
                throw new IllegalArgumentException("speed must be > 0, was " + speed);
            }
            long frameNanos = (long) (20_000_000L / speed);
            long start = System.nanoTime();
            started.accept(start);
            for (int off = 0, n = 0; off < pcm.length; off += rate.frameBytes(), n++) {
                writeFrame(pcm, off);
                // frame n+1 is due 20 ms after frame n, measured from the start (no drift)
                long ahead = start + (n + 1) * frameNanos - System.nanoTime();
                if (ahead > 0) {
                    TimeUnit.NANOSECONDS.sleep(ahead);
                }
            }
        }

        private void writeFrame(byte[] pcm, int off) throws IOException {
            ensureOpen();
            int len = Math.min(rate.frameBytes(), pcm.length - off);
            byte[] frame = new byte[3 + len];
            frame[0] = (byte) rate.kind();
            frame[1] = (byte) (len >> 8);
            frame[2] = (byte) len;
            System.arraycopy(pcm, off, frame, 3, len);
            out.write(frame);
            out.flush();
        }

        private void ensureOpen() throws IOException {
            if (closed) {
                throw new IOException("the AudioSocket session is closed");
            }
        }

        private static void checkSamples(byte[] pcm) {
            if (pcm.length % 2 != 0) {
                throw new IllegalArgumentException("audio must be whole 16-bit samples, got " + pcm.length + " bytes");
            }
        }
    }
}
