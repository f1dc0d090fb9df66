package com.callportrait.simulator.ami;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes {@link AmiFrame}s as their wire bytes ({@link AmiFrame#bytes()}). Stateless and sharable. */
@ChannelHandler.Sharable
final class AmiFrameEncoder extends MessageToByteEncoder<AmiFrame> {
    static final AmiFrameEncoder INSTANCE = new AmiFrameEncoder();

    private AmiFrameEncoder() {
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, AmiFrame msg, ByteBuf out) {
        out.writeBytes(msg.bytes());
    }
}
