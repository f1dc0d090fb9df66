package com.callportrait.simulator.ami;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the actions a client sends to the AMI endpoint: {@code Key: Value} lines (CRLF or LF)
 * until a blank line, one {@link AmiFrame} per block; blank lines between blocks are skipped.
 * A line longer than {@value #MAX_LINE} bytes or a block of more than {@value #MAX_FIELDS} lines
 * closes the connection (what a real manager would do with garbage is not the point here: a
 * runaway client must not grow the endpoint's memory). One instance per channel; not sharable.
 */
final class AmiFrameDecoder extends ByteToMessageDecoder {
    static final int MAX_LINE = 8 * 1024;
    static final int MAX_FIELDS = 512;

    private final List<Map.Entry<String, String>> fields = new ArrayList<>();

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws TooLongFrameException {
        while (true) {
            int eol = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
            if (eol < 0) {
                if (in.readableBytes() > MAX_LINE) {
                    throw new TooLongFrameException("AMI line longer than " + MAX_LINE + " bytes");
                }
                return;
            }
            int len = eol - in.readerIndex();
            String line = in.readCharSequence(len, StandardCharsets.UTF_8).toString();
            in.skipBytes(1);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                if (!fields.isEmpty()) {
                    out.add(new AmiFrame(fields));
                    fields.clear();
                }
                continue;
            }
            if (fields.size() >= MAX_FIELDS) {
                throw new TooLongFrameException("AMI block of more than " + MAX_FIELDS + " lines");
            }
            int colon = line.indexOf(':');
            fields.add(colon < 0 ? Map.entry(line.strip(), "")
                    : Map.entry(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
