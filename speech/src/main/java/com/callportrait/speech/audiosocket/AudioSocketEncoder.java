package com.callportrait.speech.audiosocket;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Encodes {@link AudioSocketFrame}s. {@link #toAsterisk()} is the server's encoder and, like
 * Asterisk, allows only what a server may send: hangup ({@code 0x00}) and audio
 * ({@code 0x10}-{@code 0x18}); anything else would make Asterisk end the session, so it is refused
 * here. {@link #asAsterisk()} writes every kind Asterisk writes (UUID, audio, DTMF) and is for
 * simulators, benchmarks and the file transcriber, which play the Asterisk side.
 *
 * <p>Stateless and thread-safe; {@link ChannelHandler.Sharable}.
 */
@ChannelHandler.Sharable
public final class AudioSocketEncoder extends MessageToByteEncoder<AudioSocketFrame> {

    private static final AudioSocketEncoder TO_ASTERISK = new AudioSocketEncoder(false);
    private static final AudioSocketEncoder AS_ASTERISK = new AudioSocketEncoder(true);

    private final boolean asteriskSide;

    private AudioSocketEncoder(boolean asteriskSide) {
        super(AudioSocketFrame.class);
        this.asteriskSide = asteriskSide;
    }

    /** Server to Asterisk: hangup and audio only. */
    public static AudioSocketEncoder toAsterisk() {
        return TO_ASTERISK;
    }

    /** Asterisk to server (simulators and tests): UUID, audio, DTMF, hangup, error. */
    public static AudioSocketEncoder asAsterisk() {
        return AS_ASTERISK;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, AudioSocketFrame frame, ByteBuf out) {
        if (!asteriskSide && !(frame instanceof AudioSocketFrame.Hangup || frame instanceof AudioSocketFrame.Audio)) {
            throw new AudioSocketProtocolException("a server may send only hangup or audio, not " + frame);
        }
        write(frame, out);
    }

    /** Writes one frame, header and payload, to {@code out}. */
    public static void write(AudioSocketFrame frame, ByteBuf out) {
        out.writeByte(frame.kind());
        out.writeShort(frame.payloadLength());
        if (frame instanceof AudioSocketFrame.Uuid u) {
            out.writeLong(u.uuid().getMostSignificantBits()).writeLong(u.uuid().getLeastSignificantBits());
        } else if (frame instanceof AudioSocketFrame.Dtmf d) {
            out.writeByte(d.digit());
        } else if (frame instanceof AudioSocketFrame.Audio a) {
            out.writeBytes(a.pcm());
        } else if (frame instanceof AudioSocketFrame.Error e) {
            out.writeBytes(e.payload());
        }
    }
}
