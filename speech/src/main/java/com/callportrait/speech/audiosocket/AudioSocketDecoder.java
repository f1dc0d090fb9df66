package com.callportrait.speech.audiosocket;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.UUID;

/**
 * Decodes the bytes Asterisk sends into {@link AudioSocketFrame}s.
 *
 * <p>States: {@link State#AWAIT_UUID} (the first frame must be a 16-byte UUID),
 * {@link State#STREAMING} (audio, DTMF, error, hangup), {@link State#ENDED} (after a hangup frame
 * nothing more may come) and {@link State#FAILED}. Every rule break goes through
 * {@link #violation}: the decoder turns FAILED, discards whatever follows and throws an
 * {@link AudioSocketProtocolException} that the session handler logs before closing that one
 * connection. The length is checked as soon as the 3-byte header is in, so an oversized frame is
 * refused before its payload is buffered.
 *
 * <p>Not thread-safe, not sharable: one instance per channel, used on its event loop.
 */
public final class AudioSocketDecoder extends ByteToMessageDecoder {

    /** Where the decoder is in a session. */
    public enum State { AWAIT_UUID, STREAMING, ENDED, FAILED }

    private static final int HEADER = 3;

    private final int maxPayload;
    private State state = State.AWAIT_UUID;

    /**
     * @param maxPayload largest payload accepted, in bytes (at most 65535; 20 ms at 192 kHz is
     *                   7680 bytes)
     */
    public AudioSocketDecoder(int maxPayload) {
        if (maxPayload < 16 || maxPayload > 0xFFFF) {
            throw new IllegalArgumentException("maxPayload must be in [16, 65535], was " + maxPayload);
        }
        this.maxPayload = maxPayload;
    }

    public State state() {
        return state;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (state != State.FAILED && in.readableBytes() >= HEADER) {
            int start = in.readerIndex();
            int kind = in.getUnsignedByte(start);
            int length = in.getUnsignedShort(start + 1);
            check(kind, length);
            if (in.readableBytes() < HEADER + length) {
                return; // wait for the rest of the payload
            }
            in.skipBytes(HEADER);
            out.add(frame(kind, length, in));
        }
        if (state == State.FAILED) {
            in.skipBytes(in.readableBytes());
        }
    }

    /** Validates a header against the state before any payload is buffered. */
    private void check(int kind, int length) {
        if (length > maxPayload) {
            violation("frame kind 0x%02x declares %d bytes, over the limit of %d", kind, length, maxPayload);
        }
        if (state == State.ENDED) {
            violation("frame kind 0x%02x after hangup", kind);
        }
        if (state == State.AWAIT_UUID && kind != AudioSocketFrame.KIND_UUID) {
            violation("first frame must be the UUID (0x01), got kind 0x%02x", kind);
        }
        switch (kind) {
            case AudioSocketFrame.KIND_UUID -> {
                if (state != State.AWAIT_UUID) {
                    violation("second UUID frame");
                }
                if (length != 16) {
                    violation("UUID payload must be 16 bytes, was %d", length);
                }
            }
            case AudioSocketFrame.KIND_DTMF -> {
                if (length != 1) {
                    violation("DTMF payload must be 1 byte, was %d", length);
                }
            }
            case AudioSocketFrame.KIND_HANGUP, AudioSocketFrame.KIND_ERROR -> { }
            default -> {
                if (SlinRate.ofKind(kind).isEmpty()) {
                    violation("unknown frame kind 0x%02x", kind);
                }
                if (length < 2 || length % 2 != 0) {
                    violation("audio payload must be an even number of bytes >= 2, was %d", length);
                }
            }
        }
    }

    private AudioSocketFrame frame(int kind, int length, ByteBuf in) {
        switch (kind) {
            case AudioSocketFrame.KIND_UUID -> {
                state = State.STREAMING;
                return new AudioSocketFrame.Uuid(new UUID(in.readLong(), in.readLong()));
            }
            case AudioSocketFrame.KIND_DTMF -> {
                char digit = (char) in.readUnsignedByte();
                if ("0123456789*#ABCDabcd".indexOf(digit) < 0) {
                    violation("DTMF byte 0x%02x is not a digit", (int) digit);
                }
                return new AudioSocketFrame.Dtmf(digit);
            }
            case AudioSocketFrame.KIND_HANGUP -> {
                in.skipBytes(length);
                state = State.ENDED;
                return AudioSocketFrame.Hangup.INSTANCE;
            }
            case AudioSocketFrame.KIND_ERROR -> {
                byte[] payload = new byte[length];
                in.readBytes(payload);
                return new AudioSocketFrame.Error(payload);
            }
            default -> {
                byte[] pcm = new byte[length];
                in.readBytes(pcm);
                return new AudioSocketFrame.Audio(SlinRate.ofKind(kind).orElseThrow(), pcm);
            }
        }
    }

    /** The single protocol-violation path. */
    private void violation(String format, Object... args) {
        state = State.FAILED;
        throw new AudioSocketProtocolException(String.format(format, args));
    }
}
