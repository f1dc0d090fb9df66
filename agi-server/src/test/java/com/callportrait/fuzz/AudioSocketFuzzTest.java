package com.callportrait.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.common.net.SourceAllowList;
import com.callportrait.speech.audiosocket.AudioSocketDecoder;
import com.callportrait.speech.audiosocket.AudioSocketFrame;
import com.callportrait.speech.audiosocket.AudioSocketOptions;
import com.callportrait.speech.audiosocket.AudioSocketProtocolException;
import com.callportrait.speech.audiosocket.AudioSocketServer;
import com.callportrait.speech.audiosocket.CallAudioSink;
import com.callportrait.speech.audiosocket.CallAudioSinkFactory;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the AudioSocket decoder and the whole server-side session pipeline (decoder, encoder,
 * session handler) with inputs mutated from the stream recorded from Asterisk 22, fed in random
 * chunks. Properties per case: only {@link AudioSocketProtocolException} (wrapped by Netty's
 * {@link DecoderException}) ever leaves the decoder; the frames equal those of an independent
 * {@link AudioSocketModel} of the protocol, byte for byte, however the input is chunked; nothing
 * is decoded after a violation; a declared length over the limit is refused as soon as its header
 * is in; every buffer is released; the bytes held never exceed one frame plus one read; the session
 * ends exactly once with the right reason and the sink never sees a frame after it.
 */
class AudioSocketFuzzTest {
    static final int MAX_PAYLOAD = 1024;
    static final long CI_CASES = 100_000;

    private static final byte[] RECORDED = Corpus.resource("/audiosocket/audiosocket-inbound.bin");
    private final Mutator mutator = new Mutator(seeds(), List.of("\u0000\u0000\u0000", "\u0001\u0000\u0010",
            "\u0003\u0000\u00011", "\u0003\u0000\u0001x", "\u0010\u0001\u0040", "\u0010\u0000\u0001", "\u0018\u0000\u0002\u0000\u0000",
            "\u00ff\u0000\u0000", "\u0019\u0000\u0002", "\u0010\u00ff\u00ff", "\u0001\u0000\u000f"),
            AudioSocketFuzzTest::lieAboutLengths, 600);

    @Test
    void decoderMatchesTheProtocolModelOnHostileInput() {
        FuzzRun.Result result = new FuzzRun("audiosocket-decoder", target(this::decodeCase)).run(CI_CASES);
        assertThat(result.count("violation")).isGreaterThan(result.cases() / 20);
        assertThat(result.count("clean")).isGreaterThan(result.cases() / 20);
    }

    @Test
    void sessionEndsOnceAndOnlyItsOwnChannel() {
        try (QuietLogs logs = new QuietLogs(false, "com.callportrait.speech.audiosocket")) {
            FuzzRun.Result result = new FuzzRun("audiosocket-session", target(this::sessionCase)).run(CI_CASES / 5);
            assertThat(result.count("violation")).isGreaterThan(result.cases() / 20);
            assertThat(logs.errors()).as("unexpected errors logged").isEmpty();
        }
    }

    @Test
    void savedRegressionInputsStillPass() throws Exception {
        SplittableRandom r = new SplittableRandom(1);
        for (Path p : Corpus.regressions("audiosocket")) {
            byte[] in = Corpus.read(p);
            for (int i = 0; i < 20; i++) {
                decodeCase(in, r);
                sessionCase(in, r);
            }
        }
    }

    /** One fuzzed input (for the socket test's hostile connections). */
    byte[] mutatorInput(SplittableRandom r) {
        return mutator.next(r);
    }

    private FuzzRun.Target target(Case c) {
        return new FuzzRun.Target() {
            @Override
            public byte[] input(SplittableRandom r) {
                return mutator.next(r);
            }

            @Override
            public String run(byte[] input, SplittableRandom r) {
                return c.run(input, r);
            }
        };
    }

    @FunctionalInterface
    interface Case {
        String run(byte[] input, SplittableRandom r);
    }

    /** The decoder alone in an embedded channel. */
    String decodeCase(byte[] input, SplittableRandom r) {
        AudioSocketModel model = AudioSocketModel.of(input, MAX_PAYLOAD);
        TrackingAllocator alloc = new TrackingAllocator();
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.config().setAllocator(alloc);
        AudioSocketDecoder decoder = new AudioSocketDecoder(MAX_PAYLOAD);
        ch.pipeline().addLast(decoder);
        List<AudioSocketFrame> frames = new ArrayList<>();
        int violations = 0;
        int framesAtViolation = -1;
        int offset = 0;
        int maxChunk = 0;
        for (int n : Mutator.chunks(input.length, r)) {
            ByteBuf buf = alloc.buffer(n).writeBytes(input, offset, n);
            offset += n;
            maxChunk = Math.max(maxChunk, n);
            try {
                ch.writeInbound(buf);
            } catch (DecoderException e) {
                if (!(e.getCause() instanceof AudioSocketProtocolException)) {
                    throw e;
                }
                violations++;
                framesAtViolation = frames.size() + ch.inboundMessages().size();
            }
            drain(ch, frames);
            long bound = 2L * Integer.highestOneBit(3 + MAX_PAYLOAD + maxChunk) * 2 + maxChunk;
            if (alloc.liveBytes() > bound) {
                throw new AssertionError("decoder holds " + alloc.liveBytes() + " bytes after a read, bound " + bound);
            }
        }
        try {
            ch.finish();
        } catch (DecoderException e) {
            assertThat(e.getCause()).isInstanceOf(AudioSocketProtocolException.class);
            violations++;
        }
        drain(ch, frames);
        ch.finishAndReleaseAll();
        assertThat(alloc.unreleased()).as("buffers not released").isEmpty();
        assertThat(violations).as("violations reported").isEqualTo(model.violation() ? 1 : 0);
        if (model.violation()) {
            assertThat(frames.size()).as("frames after the violation").isEqualTo(framesAtViolation);
            assertThat(decoder.state()).isEqualTo(AudioSocketDecoder.State.FAILED);
        }
        assertThat(frames).hasSize(model.frames().size());
        for (int i = 0; i < frames.size(); i++) {
            assertMatches(frames.get(i), model.frames().get(i), input);
        }
        return model.violation() ? "violation" : frames.isEmpty() ? "nothing" : "clean";
    }

    /** The server's whole per-connection pipeline with a sink that records what it is given. */
    String sessionCase(byte[] input, SplittableRandom r) {
        AudioSocketModel model = AudioSocketModel.of(input, MAX_PAYLOAD);
        TrackingAllocator alloc = new TrackingAllocator();
        RecordingSinks sinks = new RecordingSinks();
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.config().setAllocator(alloc);
        AudioSocketServer.configure(ch.pipeline(), new AudioSocketOptions("127.0.0.1", 0, MAX_PAYLOAD, 10_000, SourceAllowList.any()), sinks);
        int offset = 0;
        for (int n : Mutator.chunks(input.length, r)) {
            ByteBuf buf = alloc.buffer(n).writeBytes(input, offset, n);
            offset += n;
            if (!ch.isOpen()) {
                buf.release(); // a closed socket reads nothing more
                continue;
            }
            ch.writeInbound(buf); // rethrows anything that reached the end of the pipeline
        }
        boolean closedByServer = !ch.isOpen();
        ch.finishAndReleaseAll();
        assertThat(alloc.unreleased()).as("buffers not released").isEmpty();
        List<int[]> expected = model.frames();
        boolean hungUp = expected.stream().anyMatch(f -> f[0] == 0x00 || f[0] == 0xFF);
        // After a hangup or error frame the session is over: what follows is not counted again.
        assertThat(sinks.rejected).as("sessions rejected").hasSize(model.violation() && !hungUp ? 1 : 0);
        if (expected.isEmpty() || expected.get(0)[0] != 0x01) {
            assertThat(sinks.opened).isEmpty();
        } else {
            assertThat(sinks.opened).hasSize(1);
            RecordingSinks.Sink sink = sinks.opened.get(0);
            assertThat(sink.ends).as("end() calls").hasSize(1);
            String reason = sink.ends.get(0);
            int audioUntilEnd = 0;
            for (int[] f : expected) {
                if (f[0] == 0x00 || f[0] == 0xFF) {
                    break;
                }
                audioUntilEnd += f[0] >= 0x10 ? 1 : 0;
            }
            assertThat(sink.audio).as("audio frames delivered").isEqualTo(audioUntilEnd);
            if (hungUp) {
                assertThat(reason).isIn("hangup frame", "error frame");
            } else if (model.violation()) {
                assertThat(reason).startsWith("protocol violation: ");
            } else {
                assertThat(reason).isEqualTo("connection closed");
            }
        }
        if (model.violation() || hungUp) {
            assertThat(closedByServer).as("server closed the session").isTrue();
        }
        return model.violation() ? "violation" : hungUp ? "hangup" : "open";
    }

    private static void assertMatches(AudioSocketFrame frame, int[] expected, byte[] input) {
        int kind = expected[0];
        int at = expected[1];
        int len = expected[2];
        byte[] payload = Arrays.copyOfRange(input, at + 3, at + 3 + len);
        assertThat(frame.kind()).isEqualTo(kind);
        if (frame instanceof AudioSocketFrame.Audio a) {
            assertThat(a.pcm()).isEqualTo(payload);
        } else if (frame instanceof AudioSocketFrame.Error e) {
            assertThat(e.payload()).isEqualTo(payload);
        } else if (frame instanceof AudioSocketFrame.Uuid u) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(payload);
            assertThat(u.uuid()).isEqualTo(new UUID(b.getLong(), b.getLong()));
        } else if (frame instanceof AudioSocketFrame.Dtmf d) {
            assertThat((int) d.digit()).isEqualTo(payload[0] & 0xFF);
        }
    }

    private static void drain(EmbeddedChannel ch, List<AudioSocketFrame> into) {
        for (Object o; (o = ch.readInbound()) != null; ) {
            into.add((AudioSocketFrame) o);
        }
    }

    /** Windows of the recorded session: the UUID frame, some audio, sometimes DTMF, error or hangup. */
    private static List<byte[]> seeds() {
        List<int[]> headers = AudioSocketModel.headers(RECORDED);
        byte[] uuidFrame = Arrays.copyOfRange(RECORDED, 0, 19);
        List<byte[]> seeds = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 64; i++) {
            int from = 1 + r.nextInt(headers.size() - 10);
            int frames = r.nextInt(6);
            int start = headers.get(from)[0];
            int end = from + frames < headers.size() ? headers.get(from + frames)[0] : RECORDED.length;
            byte[] tail = switch (i % 5) {
                case 0 -> new byte[] {0, 0, 0};
                case 1 -> new byte[] {3, 0, 1, '5'};
                case 2 -> new byte[] {(byte) 0xFF, 0, 2, 0, 1};
                default -> new byte[0];
            };
            seeds.add(Mutator.concat(uuidFrame, Arrays.copyOfRange(RECORDED, start, end), tail));
        }
        seeds.add(Arrays.copyOf(RECORDED, 19 + 4 * 323));
        return seeds;
    }

    /** Rewrites one frame header: a length that lies (0, odd, at and over the limit, 65535) or a new kind. */
    static byte[] lieAboutLengths(byte[] in, SplittableRandom r) {
        List<int[]> headers = AudioSocketModel.headers(in);
        if (headers.isEmpty()) {
            return in;
        }
        byte[] out = in.clone();
        int at = headers.get(r.nextInt(headers.size()))[0];
        if (r.nextBoolean()) {
            int[] lies = {0, 1, 15, 16, 17, 319, 321, MAX_PAYLOAD - 1, MAX_PAYLOAD, MAX_PAYLOAD + 1, 0x7FFF, 0xFFFF,
                    r.nextInt(0x10000)};
            int len = lies[r.nextInt(lies.length)];
            out[at + 1] = (byte) (len >> 8);
            out[at + 2] = (byte) len;
        } else {
            int[] kinds = {0x00, 0x01, 0x02, 0x03, 0x0F, 0x10, 0x12, 0x18, 0x19, 0x20, 0xFE, 0xFF};
            out[at] = (byte) kinds[r.nextInt(kinds.length)];
        }
        return out;
    }

    /** Sink factory that records what each session delivered. */
    static final class RecordingSinks implements CallAudioSinkFactory {
        final List<Sink> opened = new ArrayList<>();
        final List<String> rejected = new ArrayList<>();

        static final class Sink implements CallAudioSink {
            int audio;
            final List<String> ends = new ArrayList<>();

            @Override
            public void audio(AudioSocketFrame.Audio frame) {
                assertThat(ends).as("audio after end").isEmpty();
                audio++;
            }

            @Override
            public void dtmf(char digit) {
                assertThat(ends).as("DTMF after end").isEmpty();
            }

            @Override
            public void end(String reason) {
                ends.add(reason);
            }
        }

        @Override
        public CallAudioSink open(UUID callId) {
            Sink s = new Sink();
            opened.add(s);
            return s;
        }

        @Override
        public void sessionRejected(String reason) {
            rejected.add(reason);
        }
    }
}
