package com.callportrait.server.http;

import com.callportrait.live.TokenService;
import com.callportrait.screenpop.Credentials;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Dispatches each request to its route and writes the reply; one per connection. */
final class RoutingHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(RoutingHandler.class);
    private static final long HANDLER_TIMEOUT_S = 10;

    private final Router router;
    private final TokenService tokens;

    RoutingHandler(Router router, TokenService tokens) {
        this.router = router;
        this.tokens = tokens;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        boolean head = req.method().equals(HttpMethod.HEAD);
        if (!req.decoderResult().isSuccess()) {
            write(ctx, HttpReply.error(400, "bad request"), false, false);
            return;
        }
        QueryStringDecoder qs = new QueryStringDecoder(req.uri());
        Router.Result result = router.route(req.method().name(), qs.path());
        if (result instanceof Router.NotFound nf) {
            write(ctx, HttpReply.error(nf.status(), nf.status() == 404 ? "no such path" : "method not allowed"),
                    keepAlive, head);
            return;
        }
        Router.Match m = ((Router.Found) result).match();
        if (m.front()) {
            // answered in front of the router; reaching here means that handler is not installed
            write(ctx, HttpReply.error(404, "no such path"), keepAlive, head);
            return;
        }
        Map<String, String> headers = new HashMap<>();
        req.headers().forEach(h -> headers.putIfAbsent(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue()));
        // The access gate in front already refused what this route does not admit: here the
        // token only says who is asking (an agent's view is narrower than a supervisor's).
        java.util.Optional<TokenService.Grant> grant = tokens == null ? java.util.Optional.empty()
                : tokens.check(Credentials.token(req)).grant();
        HttpCall call = new HttpCall(req.method().name(), qs.path(), m.params(), qs.parameters(), headers, grant);
        CompletionStage<HttpReply> reply;
        try {
            reply = m.handler().handle(call);
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        reply.toCompletableFuture().orTimeout(HANDLER_TIMEOUT_S, TimeUnit.SECONDS).whenComplete((r, e) -> {
            HttpReply out = r;
            if (e != null) {
                log.warn("HTTP {} {} failed: {}", call.method(), call.path(), e.toString());
                out = HttpReply.error(500, "internal error");
            }
            HttpReply fin = out;
            ctx.executor().execute(() -> write(ctx, fin, keepAlive, head));
        });
    }

    static void write(ChannelHandlerContext ctx, HttpReply r, boolean keepAlive, boolean head) {
        FullHttpResponse resp = new DefaultFullHttpResponse(io.netty.handler.codec.http.HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(r.status()), head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(r.body()));
        resp.headers().set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
        resp.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
        resp.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        resp.headers().set("X-Content-Type-Options", "nosniff");
        r.headers().forEach((k, v) -> resp.headers().set(k, v));
        if (keepAlive) {
            resp.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(resp);
        } else {
            ctx.writeAndFlush(resp).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("HTTP connection closed: {}", cause.toString());
        ctx.close();
    }
}
