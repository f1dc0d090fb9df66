package com.callportrait.live.ami;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes the AMI byte stream into one {@link AmiBanner} then {@link AmiMessage}s. Lines end in
 * CRLF (Asterisk) or LF (tolerated); a blank line ends a message; extra blank lines are skipped.
 * Explicit state ({@code BANNER}, {@code FIELDS}, {@code FAILED}) and one violation path:
 * {@link #fail} closes the connection with a logged reason; nothing is decoded after that.
 * One instance per channel, run on that channel's event loop only (not sharable); not thread-safe.
 */
public final class AmiDecoder extends ByteToMessageDecoder {
    /** Longest line accepted (Asterisk's own limit for a header is about 1 KiB; Data can be longer). */
    public static final int MAX_LINE = 16 * 1024;
    /** Most headers in one message. */
    public static final int MAX_FIELDS = 1024;

    private enum State { BANNER, FIELDS, FAILED }

    private State state;
    private List<Map.Entry<String, String>> fields = new ArrayList<>();

    /** A decoder for a client connection: expects the banner first. */
    public static AmiDecoder client() {
        return new AmiDecoder(State.BANNER);
    }

    /** A decoder for a server connection (the client sends no banner). */
    public static AmiDecoder server() {
        return new AmiDecoder(State.FIELDS);
    }

    private AmiDecoder(State initial) {
        this.state = initial;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (state != State.FAILED) {
            int eol = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
            if (eol < 0) {
                if (in.readableBytes() > MAX_LINE) {
                    fail(ctx, in, "line longer than " + MAX_LINE + " bytes");
                }
                return;
            }
            int len = eol - in.readerIndex();
            if (len > MAX_LINE) {
                fail(ctx, in, "line longer than " + MAX_LINE + " bytes");
                return;
            }
            String line = in.toString(in.readerIndex(), len, StandardCharsets.UTF_8);
            in.readerIndex(eol + 1);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (state == State.BANNER) {
                if (!line.startsWith("Asterisk Call Manager/")) {
                    fail(ctx, in, "expected the 'Asterisk Call Manager/' banner, got '" + abbreviate(line) + "'");
                    return;
                }
                state = State.FIELDS;
                out.add(new AmiBanner(line));
                continue;
            }
            if (line.isEmpty()) {
                if (!fields.isEmpty()) {
                    out.add(new AmiMessage(fields));
                    fields = new ArrayList<>();
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                fail(ctx, in, "header line without 'Key:' : '" + abbreviate(line) + "'");
                return;
            }
            if (fields.size() >= MAX_FIELDS) {
                fail(ctx, in, "more than " + MAX_FIELDS + " headers in one message");
                return;
            }
            String value = line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            fields.add(Map.entry(line.substring(0, colon), value));
        }
        in.skipBytes(in.readableBytes());
    }

    /** The one protocol-violation path. */
    private void fail(ChannelHandlerContext ctx, ByteBuf in, String why) {
        state = State.FAILED;
        in.skipBytes(in.readableBytes());
        ctx.fireExceptionCaught(new AmiProtocolException(why));
        ctx.close();
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
