package com.callportrait.speech.audiosocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.EncoderException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AudioSocketCodecTest {

    // The UUID in the recorded bytes (the AMI recording in the shared folder is of another call, df1b33ef-...).
    static final UUID RECORDED_UUID = UUID.fromString("3d6a2e28-b1c8-4948-baed-34d706a0a6f8");

    static byte[] recording() throws IOException {
        try (InputStream in = AudioSocketCodecTest.class.getResourceAsStream("/audiosocket/audiosocket-inbound.bin")) {
            return in.readAllBytes();
        }
    }

    private static List<AudioSocketFrame> decodeInChunks(byte[] bytes, long seed) {
        EmbeddedChannel ch = new EmbeddedChannel(new AudioSocketDecoder(8192));
        Random random = new Random(seed);
        int pos = 0;
        while (pos < bytes.length) {
            int n = Math.min(bytes.length - pos, 1 + random.nextInt(700));
            ch.writeInbound(Unpooled.wrappedBuffer(bytes, pos, n));
            pos += n;
        }
        List<AudioSocketFrame> frames = new ArrayList<>();
        for (Object o; (o = ch.readInbound()) != null; ) {
            frames.add((AudioSocketFrame) o);
        }
        ch.finishAndReleaseAll();
        return frames;
    }

    @Test
    void readsTheRecordedAsteriskStreamExactly() throws IOException {
        byte[] bytes = recording();
        List<AudioSocketFrame> frames = decodeInChunks(bytes, 42);

        assertThat(frames.get(0)).isEqualTo(new AudioSocketFrame.Uuid(RECORDED_UUID));
        List<AudioSocketFrame> audio = frames.subList(1, frames.size());
        // The shared README counts 373 voice messages; 19 + 373 * 323 = 120498 bytes, the file size.
        assertThat(audio).hasSize(373).allSatisfy(f -> {
            assertThat(f).isInstanceOf(AudioSocketFrame.Audio.class);
            AudioSocketFrame.Audio a = (AudioSocketFrame.Audio) f;
            assertThat(a.rate()).isEqualTo(SlinRate.SLIN_8K);
            assertThat(a.pcm()).hasSize(320);
            assertThat(a.millis()).isEqualTo(20.0);
        });
        // chunking must not matter
        assertThat(decodeInChunks(bytes, 7)).isEqualTo(frames);
    }

    @Test
    void reEncodesTheRecordingByteForByte() throws IOException {
        byte[] bytes = recording();
        List<AudioSocketFrame> frames = decodeInChunks(bytes, 1);
        EmbeddedChannel ch = new EmbeddedChannel(AudioSocketEncoder.asAsterisk());
        frames.forEach(ch::writeOutbound);
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
            all.writeBytes(b);
            b.release();
        }
        byte[] out = new byte[all.readableBytes()];
        all.readBytes(out);
        assertThat(out).isEqualTo(bytes);
    }

    @Test
    void decodesEveryKind() {
        ByteBuf wire = Unpooled.buffer();
        AudioSocketEncoder.write(new AudioSocketFrame.Uuid(RECORDED_UUID), wire);
        List<AudioSocketFrame> sent = new ArrayList<>();
        for (SlinRate rate : SlinRate.values()) {
            byte[] pcm = new byte[rate.bytesFor(20)];
            pcm[0] = (byte) rate.kind();
            sent.add(new AudioSocketFrame.Audio(rate, pcm));
        }
        sent.add(new AudioSocketFrame.Dtmf('#'));
        sent.add(new AudioSocketFrame.Error(new byte[] {1, 2}));
        sent.add(AudioSocketFrame.Hangup.INSTANCE);
        sent.forEach(f -> AudioSocketEncoder.write(f, wire));
        EmbeddedChannel ch = new EmbeddedChannel(new AudioSocketDecoder(8192));
        ch.writeInbound(wire);
        assertThat((Object) ch.readInbound()).isEqualTo(new AudioSocketFrame.Uuid(RECORDED_UUID));
        for (AudioSocketFrame f : sent) {
            assertThat((Object) ch.readInbound()).isEqualTo(f);
        }
        assertThat(((AudioSocketDecoder) ch.pipeline().first()).state()).isEqualTo(AudioSocketDecoder.State.ENDED);
        assertThat(SlinRate.SLIN_44K.bytesFor(20)).isEqualTo(1764);
    }

    private static byte[] frame(int kind, int length, int payloadBytes) {
        ByteBuf b = Unpooled.buffer();
        b.writeByte(kind).writeShort(length).writeZero(payloadBytes);
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        return out;
    }

    private static byte[] uuidFrame() {
        ByteBuf b = Unpooled.buffer();
        AudioSocketEncoder.write(new AudioSocketFrame.Uuid(RECORDED_UUID), b);
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        return out;
    }

    private static void assertViolation(String message, byte[]... chunks) {
        AudioSocketDecoder decoder = new AudioSocketDecoder(8192);
        EmbeddedChannel ch = new EmbeddedChannel(decoder);
        assertThatThrownBy(() -> {
            for (byte[] c : chunks) {
                ch.writeInbound(Unpooled.wrappedBuffer(c));
            }
        }).isInstanceOf(DecoderException.class)
                .hasCauseInstanceOf(AudioSocketProtocolException.class)
                .hasMessageContaining(message);
        assertThat(decoder.state()).isEqualTo(AudioSocketDecoder.State.FAILED);
        // whatever follows is discarded, never decoded
        ch.writeInbound(Unpooled.wrappedBuffer(frame(0x10, 320, 320)));
        Object leftover;
        while ((leftover = ch.readInbound()) != null) {
            assertThat(leftover).isNotInstanceOf(AudioSocketFrame.Audio.class);
        }
        ch.finishAndReleaseAll();
    }

    @Test
    void refusesEachProtocolViolation() {
        assertViolation("first frame must be the UUID", frame(0x10, 320, 320));
        assertViolation("UUID payload must be 16 bytes", frame(0x01, 15, 15));
        assertViolation("second UUID", uuidFrame(), uuidFrame());
        assertViolation("even number of bytes", uuidFrame(), frame(0x10, 321, 321));
        assertViolation("even number of bytes", uuidFrame(), frame(0x12, 0, 0));
        assertViolation("unknown frame kind 0x19", uuidFrame(), frame(0x19, 2, 2));
        assertViolation("unknown frame kind 0x02", uuidFrame(), frame(0x02, 2, 2));
        assertViolation("DTMF payload must be 1 byte", uuidFrame(), frame(0x03, 2, 2));
        assertViolation("after hangup", uuidFrame(), frame(0x00, 0, 0), frame(0x10, 2, 2));
        // oversized: refused on the header alone, before the payload arrives
        assertViolation("over the limit of 8192", uuidFrame(), frame(0x10, 9000, 0));
    }

    @Test
    void serverEncoderSendsOnlyHangupAndAudio() {
        EmbeddedChannel ch = new EmbeddedChannel(AudioSocketEncoder.toAsterisk());
        ch.writeOutbound(AudioSocketFrame.Hangup.INSTANCE);
        ByteBuf hangup = ch.readOutbound();
        assertThat(hangup.readableBytes()).isEqualTo(3);
        assertThat(hangup.getByte(0)).isEqualTo((byte) 0);
        assertThat(hangup.getShort(1)).isEqualTo((short) 0);
        hangup.release();
        ch.writeOutbound(new AudioSocketFrame.Audio(SlinRate.SLIN_16K, new byte[] {1, 2, 3, 4}));
        ByteBuf audio = ch.readOutbound();
        byte[] bytes = new byte[audio.readableBytes()];
        audio.readBytes(bytes);
        audio.release();
        assertThat(bytes).containsExactly(0x12, 0, 4, 1, 2, 3, 4);
        assertThatThrownBy(() -> ch.writeOutbound(new AudioSocketFrame.Uuid(RECORDED_UUID)))
                .isInstanceOf(EncoderException.class)
                .hasCauseInstanceOf(AudioSocketProtocolException.class);
        assertThatThrownBy(() -> new AudioSocketFrame.Audio(SlinRate.SLIN_8K, new byte[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
