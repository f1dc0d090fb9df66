package com.callportrait.route.fastagi;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes what Asterisk sends on a FastAGI connection into {@link AgiMessage}s: first one
 * {@link AgiRequest} (the {@code key: value} lines up to the empty line), then {@link AgiReply}s
 * ({@code 200}, {@code 510}, {@code 511}, single or multi-line {@code 520}) and {@link AgiHangup}s
 * in any order. Lines end with LF (a stray CR before it is dropped).
 *
 * <p>Every violation (bad line, over-long line, oversized environment, unexpected reply code,
 * connection closed mid-block) goes through one path: the decoder switches to {@code FAILED},
 * discards the rest of the input and throws an {@link AgiProtocolException} whose message is the
 * reason logged for the session. One instance per channel; not thread-safe (Netty calls it from
 * the channel's event loop only).
 */
public final class AgiDecoder extends ByteToMessageDecoder {

    private enum State { ENVIRONMENT, REPLIES, USAGE, FAILED }

    private final AgiLimits limits;
    private State state = State.ENVIRONMENT;
    private final Map<String, String> env = new LinkedHashMap<>();
    private int envBytes;
    private final List<String> usage = new ArrayList<>();

    public AgiDecoder(AgiLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (state != State.FAILED) {
            String line = readLine(in);
            if (line == null) {
                return;
            }
            Object msg = switch (state) {
                case ENVIRONMENT -> environmentLine(line);
                case REPLIES -> replyLine(line);
                case USAGE -> usageLine(line);
                case FAILED -> null;
            };
            if (msg != null) {
                out.add(msg);
            }
        }
        in.skipBytes(in.readableBytes());
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        if (state != State.FAILED) {
            decode(ctx, in, out);
        }
        if (state == State.FAILED) {
            return;
        }
        if (state == State.ENVIRONMENT && (envBytes > 0 || in.isReadable())) {
            fail(in, "connection closed inside the environment block after " + env.size() + " lines");
        } else if (state == State.USAGE) {
            fail(in, "connection closed inside a 520 usage reply");
        } else if (in.isReadable()) {
            fail(in, "connection closed in the middle of a line");
        }
    }

    /** True while the environment block has not been completed. */
    boolean inEnvironment() {
        return state == State.ENVIRONMENT;
    }

    private String readLine(ByteBuf in) {
        int start = in.readerIndex();
        int scan = Math.min(in.readableBytes(), limits.maxLineBytes() + 2);
        int lf = in.indexOf(start, start + scan, (byte) '\n');
        if (lf < 0) {
            if (in.readableBytes() > limits.maxLineBytes() + 1) {
                fail(in, "line longer than " + limits.maxLineBytes() + " bytes");
            }
            return null;
        }
        int end = lf;
        if (end > start && in.getByte(end - 1) == '\r') {
            end--;
        }
        if (end - start > limits.maxLineBytes()) {
            fail(in, "line longer than " + limits.maxLineBytes() + " bytes");
        }
        String line = in.toString(start, end - start, StandardCharsets.UTF_8);
        in.readerIndex(lf + 1);
        if (state == State.ENVIRONMENT) {
            envBytes += lf + 1 - start;
        }
        return line;
    }

    private Object environmentLine(String line) {
        if (line.isEmpty()) {
            if (env.isEmpty()) {
                throw violation("empty environment block");
            }
            state = State.REPLIES;
            AgiRequest request = new AgiRequest(env);
            env.clear();
            return request;
        }
        int colon = line.indexOf(": ");
        String key = colon < 0 ? line.endsWith(":") ? line.substring(0, line.length() - 1) : line : line.substring(0, colon);
        if (!envKey(key)) {
            throw violation("not an environment line: " + excerpt(line));
        }
        if (envBytes > limits.maxEnvironmentBytes() || env.size() >= limits.maxEnvironmentLines()) {
            throw violation("environment block larger than " + limits.maxEnvironmentBytes() + " bytes or "
                    + limits.maxEnvironmentLines() + " lines");
        }
        env.put(key, colon < 0 ? "" : line.substring(colon + 2));
        return null;
    }

    private Object replyLine(String line) {
        if (line.equals("HANGUP")) {
            return AgiHangup.INSTANCE;
        }
        if (line.startsWith("200 ")) {
            try {
                return AgiReply.parse200(line);
            } catch (AgiProtocolException e) {
                throw violation(e.getMessage());
            }
        }
        if (line.startsWith("510 ") || line.startsWith("511 ")) {
            return new AgiReply(Integer.parseInt(line.substring(0, 3)), 0, Optional.empty(), List.of(line));
        }
        if (line.startsWith("520 ")) {
            return new AgiReply(520, 0, Optional.empty(), List.of(line));
        }
        if (line.startsWith("520-")) {
            state = State.USAGE;
            usage.clear();
            usage.add(line);
            return null;
        }
        throw violation("unexpected line from Asterisk: " + excerpt(line));
    }

    private Object usageLine(String line) {
        usage.add(line);
        if (line.startsWith("520 ")) {
            state = State.REPLIES;
            AgiReply reply = new AgiReply(520, 0, Optional.empty(), usage);
            usage.clear();
            return reply;
        }
        if (usage.size() > limits.maxUsageLines()) {
            throw violation("520 usage reply longer than " + limits.maxUsageLines() + " lines");
        }
        return null;
    }

    /** {@code agi_[a-z0-9_]{1,60}} without a regex (22 lines per call). */
    private static boolean envKey(String key) {
        if (key.length() < 5 || key.length() > 64 || !key.startsWith("agi_")) {
            return false;
        }
        for (int i = 4; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private AgiProtocolException violation(String reason) {
        state = State.FAILED;
        return new AgiProtocolException(reason);
    }

    private void fail(ByteBuf in, String reason) {
        in.skipBytes(in.readableBytes());
        throw violation(reason);
    }

    /** A printable, bounded excerpt of peer input for log messages. */
    static String excerpt(String line) {
        String s = line.length() > 60 ? line.substring(0, 60) + "..." : line;
        StringBuilder b = new StringBuilder(s.length() + 2).append('\'');
        for (char c : s.toCharArray()) {
            b.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return b.append('\'').toString();
    }
}
