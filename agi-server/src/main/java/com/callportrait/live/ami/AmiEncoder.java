package com.callportrait.live.ami;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes {@link AmiMessage}s as {@code Key: Value\r\n} lines and a blank line (the form Asterisk
 * sends and accepts). Used by the client (actions, with {@code Action} and {@code ActionID} first)
 * and by the simulator's AMI server. Stateless and sharable.
 */
@ChannelHandler.Sharable
public final class AmiEncoder extends MessageToByteEncoder<AmiMessage> {
    public static final AmiEncoder INSTANCE = new AmiEncoder();

    private AmiEncoder() {
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, AmiMessage msg, ByteBuf out) {
        out.writeBytes(bytes(msg));
    }

    /** The wire bytes of one message. */
    public static byte[] bytes(AmiMessage msg) {
        StringBuilder b = new StringBuilder(256);
        for (Map.Entry<String, String> e : msg.fields()) {
            b.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
        }
        return b.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
