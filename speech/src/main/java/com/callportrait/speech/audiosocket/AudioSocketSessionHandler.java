package com.callportrait.speech.audiosocket;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One AudioSocket session: opens the call's sink on the UUID frame, passes audio and DTMF to it
 * (the sink queues them; nothing slow runs here), and ends the session on hangup, error, idle,
 * close or protocol violation, logging why; only this session's channel is closed.
 *
 * <p>One instance per channel; used on that channel's event loop only.
 */
final class AudioSocketSessionHandler extends SimpleChannelInboundHandler<AudioSocketFrame> {
    private static final Logger log = LoggerFactory.getLogger(AudioSocketSessionHandler.class);

    private final CallAudioSinkFactory sinks;
    private CallAudioSink sink;
    private String callId = "?";
    private boolean ended;

    AudioSocketSessionHandler(CallAudioSinkFactory sinks) {
        this.sinks = sinks;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, AudioSocketFrame frame) {
        if (ended) {
            return;
        }
        if (frame instanceof AudioSocketFrame.Audio audio) {
            sink.audio(audio);
        } else if (frame instanceof AudioSocketFrame.Uuid uuid) {
            callId = uuid.uuid().toString();
            sink = sinks.open(uuid.uuid());
            log.info("AudioSocket session for call {} from {}", callId, ctx.channel().remoteAddress());
        } else if (frame instanceof AudioSocketFrame.Dtmf dtmf) {
            sink.dtmf(dtmf.digit());
        } else if (frame instanceof AudioSocketFrame.Hangup) {
            end(ctx, "hangup frame");
        } else if (frame instanceof AudioSocketFrame.Error error) {
            log.warn("call {}: peer reported an error ({} bytes of payload); ending the session", callId,
                    error.payloadLength());
            end(ctx, "error frame");
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            log.warn("call {}: no audio for too long; ending the session", callId);
            end(ctx, "idle");
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        end(ctx, "connection closed");
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (ended) {
            // Bytes after a hangup or error frame that arrived in the same read: the session is
            // already over, and counting it again as rejected would depend on how TCP split it.
            log.debug("call {}: ignoring {} after the session ended", callId, root.toString());
            ctx.close();
            return;
        }
        if (root instanceof AudioSocketProtocolException) {
            log.warn("call {}: AudioSocket protocol violation from {}: {}; ending this session", callId,
                    ctx.channel().remoteAddress(), root.getMessage());
            sinks.sessionRejected(root.getMessage());
            end(ctx, "protocol violation: " + root.getMessage());
        } else if (root instanceof IOException) {
            log.info("call {}: connection error: {}", callId, root.toString());
            end(ctx, "connection error");
        } else {
            log.error("call {}: unexpected error; ending this session", callId, root);
            end(ctx, "internal error");
        }
    }

    private void end(ChannelHandlerContext ctx, String reason) {
        if (!ended) {
            ended = true;
            if (sink != null) {
                sink.end(reason);
                log.info("AudioSocket session for call {} ended: {}", callId, reason);
            }
        }
        ctx.close();
    }
}
