package com.callportrait.route.fastagi;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One FastAGI connection: receives the decoded messages, runs the script, and is the
 * {@link AgiSession} the script talks to. Every field is touched on the channel's event loop only
 * ({@link #send} hops onto it), so no locking. Closing the channel ends the session; every path
 * that ends it goes through {@link #end}, which records the outcome once.
 */
final class AgiSessionHandler extends SimpleChannelInboundHandler<AgiMessage> implements AgiSession {
    private static final Logger log = LoggerFactory.getLogger(AgiSessionHandler.class);

    private final AgiScripts scripts;
    private final AgiMetrics metrics;
    private final String callId = CallIds.next();
    private ChannelHandlerContext ctx;
    private AgiRequest request;
    private CompletableFuture<AgiReply> pending;
    private volatile boolean hungUp;
    private volatile int roundTrips;
    private long startNanos = -1;
    private boolean ended;

    AgiSessionHandler(AgiScripts scripts, AgiMetrics metrics) {
        super(AgiMessage.class);
        this.scripts = scripts;
        this.metrics = metrics;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        metrics.opened();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, AgiMessage msg) {
        if (ended) {
            return;
        }
        if (msg instanceof AgiRequest r) {
            start(r);
        } else if (msg instanceof AgiReply reply) {
            CompletableFuture<AgiReply> p = pending;
            if (p == null) {
                end(AgiOutcome.PROTOCOL_ERROR, "reply without a command: " + AgiDecoder.excerpt(reply.lines().get(0)));
                return;
            }
            pending = null;
            p.complete(reply);
        } else if (msg instanceof AgiHangup) {
            if (!hungUp) {
                hungUp = true;
                try (var m = mdc()) {
                    log.debug("caller hung up during the AGI session");
                }
            }
        }
    }

    private void start(AgiRequest r) {
        request = r;
        startNanos = System.nanoTime();
        String name = r.script();
        var script = scripts.find(name);
        if (script.isEmpty()) {
            end(AgiOutcome.NO_SCRIPT, "no AGI script '" + name + "' (known: " + scripts.names() + ")");
            return;
        }
        CompletionStage<?> done;
        try {
            done = script.get().run(this);
        } catch (RuntimeException e) {
            done = CompletableFuture.failedFuture(e);
        }
        done.whenComplete((ok, err) -> ctx.executor().execute(() -> {
            if (err == null) {
                end(AgiOutcome.COMPLETED, null);
            } else if (!ended) {
                end(AgiOutcome.SCRIPT_FAILED, "script '" + name + "' failed: " + rootMessage(err));
            }
        }));
    }

    @Override
    public CompletionStage<AgiReply> send(String command) {
        if (!ctx.executor().inEventLoop()) {
            CompletableFuture<AgiReply> hop = new CompletableFuture<>();
            ctx.executor().execute(() -> send(command).whenComplete((r, e) -> {
                if (e != null) {
                    hop.completeExceptionally(e);
                } else {
                    hop.complete(r);
                }
            }));
            return hop;
        }
        if (command.indexOf('\n') >= 0 || command.indexOf('\r') >= 0) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("AGI command contains a line break"));
        }
        if (ended || !ctx.channel().isActive()) {
            return CompletableFuture.failedFuture(new AgiSessionClosedException("session already closed"));
        }
        if (pending != null) {
            return CompletableFuture.failedFuture(new IllegalStateException("a command is already outstanding"));
        }
        CompletableFuture<AgiReply> p = new CompletableFuture<>();
        pending = p;
        roundTrips++;
        ByteBuf buf = ctx.alloc().buffer(command.length() + 1);
        buf.writeCharSequence(command, StandardCharsets.UTF_8);
        buf.writeByte('\n');
        ctx.writeAndFlush(buf).addListener(f -> {
            if (!f.isSuccess()) {
                p.completeExceptionally(new AgiSessionClosedException("write failed: " + rootMessage(f.cause())));
            }
        });
        return p;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            end(AgiOutcome.IDLE, request == null ? "no environment block from the peer within the idle timeout"
                    : "no data from Asterisk within the idle timeout");
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable c = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (c instanceof AgiProtocolException) {
            end(AgiOutcome.PROTOCOL_ERROR, "protocol violation: " + c.getMessage());
        } else if (c instanceof IOException) {
            end(AgiOutcome.VANISHED, "connection error: " + c.getMessage());
        } else {
            end(AgiOutcome.SCRIPT_FAILED, "unexpected error: " + rootMessage(c));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        // Deferred by one task: when the peer closed mid-block, the decoder reports the violation
        // (exceptionCaught) right after this event, and that reason is the one worth logging.
        ctx.executor().execute(() -> {
            if (!ended) {
                end(AgiOutcome.VANISHED, request == null ? null : "Asterisk closed the connection before the script finished");
            }
        });
        super.channelInactive(ctx);
    }

    /** Ends the session once: logs the reason, fails a pending command, records metrics, closes. */
    void end(AgiOutcome outcome, String reason) {
        if (ended) {
            return;
        }
        ended = true;
        long nanos = startNanos < 0 ? -1 : System.nanoTime() - startNanos;
        try (var m = mdc()) {
            if (reason != null && outcome == AgiOutcome.COMPLETED) {
                log.info("AGI session ended: {}", reason);
            } else if (reason != null) {
                log.warn("AGI session ended ({}): {}", outcome.tag(), reason);
            } else if (outcome == AgiOutcome.VANISHED) {
                log.debug("connection closed before any environment block");
            }
        }
        if (pending != null) {
            pending.completeExceptionally(new AgiSessionClosedException("session ended: " + outcome.tag()));
            pending = null;
        }
        metrics.closed(outcome, request == null ? -1 : nanos, roundTrips);
        ctx.close();
    }

    /** Puts this call's ids into the logging MDC until closed. */
    CallMdc mdc() {
        return CallMdc.of(callId, request == null ? null : request.uniqueId());
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while ((c instanceof java.util.concurrent.CompletionException
                || c instanceof java.util.concurrent.ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }

    @Override
    public AgiRequest request() {
        return request;
    }

    @Override
    public String callId() {
        return callId;
    }

    @Override
    public boolean hungUp() {
        return hungUp;
    }

    @Override
    public int roundTrips() {
        return roundTrips;
    }

    @Override
    public java.util.concurrent.ScheduledExecutorService executor() {
        return ctx.executor();
    }
}
