package com.callportrait.screenpop;

import com.callportrait.live.TokenService;
import com.callportrait.live.calls.AgentDirectory;
import com.callportrait.live.calls.CallRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
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
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The screen-pop routes on an HTTP pipeline (after {@code HttpServerCodec} and
 * {@code HttpObjectAggregator}): pages, static files, {@code /api/calls} and the two WebSocket
 * endpoints. Tokens are checked on every WebSocket connect and every API call (query parameter
 * {@code token} or {@code Authorization: Bearer}); an open socket is closed when its token
 * expires; the pages themselves hold no data. Requests
 * for other paths go on down the pipeline. Sharable and thread-safe; nothing here blocks.
 */
@ChannelHandler.Sharable
public final class ScreenPopHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(ScreenPopHandler.class);
    private static final Map<String, String> STATIC = Map.of("agent.js", "text/javascript; charset=utf-8",
            "supervisor.js", "text/javascript; charset=utf-8", "style.css", "text/css; charset=utf-8");
    private static final int MAX_FRAME = 16 * 1024;

    private final ScreenPopHub hub;
    private final TokenService tokens;
    private final CallRegistry calls;
    private final FeedbackRecorder feedback;
    private final Map<String, byte[]> resources = new ConcurrentHashMap<>();

    private ScreenPopHandler(ScreenPopHub hub, TokenService tokens, CallRegistry calls, FeedbackRecorder feedback) {
        super(false);
        this.hub = hub;
        this.tokens = tokens;
        this.calls = calls;
        this.feedback = feedback;
    }

    public static ScreenPopHandler create(ScreenPopHub hub, TokenService tokens, CallRegistry calls,
                                          FeedbackRecorder feedback) {
        return new ScreenPopHandler(hub, tokens, calls, feedback);
    }

    /** True when this handler answers {@code path}. */
    public static boolean handles(String path) {
        return path.startsWith("/agent/") || path.equals("/supervisor") || path.startsWith("/static/")
                || path.equals("/api/calls") || path.startsWith("/ws/agent/") || path.equals("/ws/supervisor");
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        QueryStringDecoder q = new QueryStringDecoder(req.uri());
        String path = q.path();
        if (!handles(path)) {
            ctx.fireChannelRead(req);
            return;
        }
        try {
            if (req.method() != HttpMethod.GET) {
                respond(ctx, req, HttpResponseStatus.METHOD_NOT_ALLOWED, "text/plain", "GET only\n");
            } else if (path.startsWith("/agent/")) {
                String agent = path.substring("/agent/".length());
                page(ctx, req, AgentDirectory.AGENT_ID.matcher(agent).matches() ? "agent.html" : null);
            } else if (path.equals("/supervisor")) {
                page(ctx, req, "supervisor.html");
            } else if (path.startsWith("/static/")) {
                String name = path.substring("/static/".length());
                String type = STATIC.get(name);
                if (type == null) {
                    respond(ctx, req, HttpResponseStatus.NOT_FOUND, "text/plain", "not found\n");
                } else {
                    respond(ctx, req, HttpResponseStatus.OK, type, resource(name));
                }
            } else if (path.equals("/api/calls")) {
                if (!tokens.verify(token(req, q), TokenService.Role.SUPERVISOR, "supervisor")) {
                    respond(ctx, req, HttpResponseStatus.UNAUTHORIZED, "text/plain", "supervisor token required\n");
                } else {
                    var arr = PopMessages.JSON.createArrayNode();
                    calls.all().forEach(c -> arr.add(PopMessages.summary(c, calls.clock().instant())));
                    respond(ctx, req, HttpResponseStatus.OK, "application/json", arr.toString().getBytes(StandardCharsets.UTF_8));
                }
            } else if (path.startsWith("/ws/agent/")) {
                String agent = path.substring("/ws/agent/".length());
                if (!AgentDirectory.AGENT_ID.matcher(agent).matches()
                        || !tokens.verify(token(req, q), TokenService.Role.AGENT, agent)) {
                    respond(ctx, req, HttpResponseStatus.UNAUTHORIZED, "text/plain", "agent token required\n");
                } else if (upgrade(ctx, req, agent, token(req, q))) {
                    hub.agentJoined(agent, ctx.channel());
                }
            } else {
                if (!tokens.verify(token(req, q), TokenService.Role.SUPERVISOR, "supervisor")) {
                    respond(ctx, req, HttpResponseStatus.UNAUTHORIZED, "text/plain", "supervisor token required\n");
                } else if (upgrade(ctx, req, null, token(req, q))) {
                    hub.supervisorJoined(ctx.channel());
                }
            }
        } finally {
            req.release();
        }
    }

    private boolean upgrade(ChannelHandlerContext ctx, FullHttpRequest req, String agent, String token) {
        String url = "ws://" + req.headers().get(HttpHeaderNames.HOST, "localhost") + req.uri();
        WebSocketServerHandshaker hs = new WebSocketServerHandshakerFactory(url, null, false, MAX_FRAME)
                .newHandshaker(req);
        if (hs == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return false;
        }
        // A page may stay open all shift: the HTTP read timeout does not apply to a WebSocket.
        if (ctx.pipeline().get(io.netty.handler.timeout.ReadTimeoutHandler.class) != null) {
            ctx.pipeline().remove(io.netty.handler.timeout.ReadTimeoutHandler.class);
        }
        // Frames of this connection go to a per-connection handler placed after this one.
        ctx.pipeline().addAfter(ctx.name(), "ws-frames", new Frames(hs, agent));
        hs.handshake(ctx.channel(), req);
        closeWhenExpired(ctx.channel(), hs, tokens.remaining(token), agent == null ? "supervisor" : agent);
        return true;
    }

    /**
     * A token is checked on connect, so an open socket would otherwise outlive it: the socket is
     * closed (1008 policy violation, "token expired") when its token runs out, and the page must
     * sign in again with a fresh token.
     */
    private static void closeWhenExpired(io.netty.channel.Channel ch, WebSocketServerHandshaker hs,
                                         java.time.Duration left, String who) {
        var timer = ch.eventLoop().schedule(() -> {
            log.info("closing the page socket of {}: its token expired", who);
            hs.close(ch, new CloseWebSocketFrame(1008, "token expired"));
        }, Math.max(1, left.toMillis()), java.util.concurrent.TimeUnit.MILLISECONDS);
        ch.closeFuture().addListener(f -> timer.cancel(false));
    }

    /** Frames from one page: pings, close, and the agent's disposition. */
    private final class Frames extends SimpleChannelInboundHandler<WebSocketFrame> {
        private final WebSocketServerHandshaker hs;
        private final String agent;

        Frames(WebSocketServerHandshaker hs, String agent) {
            this.hs = hs;
            this.agent = agent;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame f) {
            if (f instanceof CloseWebSocketFrame c) {
                hs.close(ctx.channel(), c.retain());
            } else if (f instanceof PingWebSocketFrame) {
                ctx.writeAndFlush(new PongWebSocketFrame(f.content().retain()));
            } else if (f instanceof TextWebSocketFrame t && agent != null) {
                message(ctx, t.text());
            }
        }

        private void message(ChannelHandlerContext ctx, String text) {
            try {
                JsonNode n = PopMessages.JSON.readTree(text);
                if ("disposition".equals(n.path("type").asText())) {
                    String call = n.path("call").asText("");
                    boolean ok = feedback.disposition(agent, call, hub.callOf(agent, call),
                            n.path("outcome").asText(""), n.path("note").asText(""));
                    ctx.writeAndFlush(new TextWebSocketFrame(PopMessages.JSON.createObjectNode()
                            .put("type", ok ? "disposition-saved" : "disposition-rejected").put("call", call).toString()));
                }
            } catch (IOException e) {
                log.debug("agent {} sent a frame that is not JSON: {}", agent, e.getMessage());
            }
        }
    }

    private static String token(FullHttpRequest req, QueryStringDecoder q) {
        List<String> t = q.parameters().get("token");
        if (t != null && !t.isEmpty()) {
            return t.get(0);
        }
        String auth = req.headers().get(HttpHeaderNames.AUTHORIZATION);
        return auth != null && auth.startsWith("Bearer ") ? auth.substring(7).trim() : null;
    }

    private void page(ChannelHandlerContext ctx, FullHttpRequest req, String name) {
        if (name == null) {
            respond(ctx, req, HttpResponseStatus.NOT_FOUND, "text/plain", "not found\n");
        } else {
            respond(ctx, req, HttpResponseStatus.OK, "text/html; charset=utf-8", resource(name));
        }
    }

    private byte[] resource(String name) {
        return resources.computeIfAbsent(name, n -> {
            try (InputStream in = ScreenPopHandler.class.getResourceAsStream("/web/" + n)) {
                if (in == null) {
                    throw new IllegalStateException("web resource missing from the jar: " + n);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status,
                                String type, String body) {
        respond(ctx, req, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status,
                                String type, byte[] body) {
        ByteBuf buf = Unpooled.wrappedBuffer(body);
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, buf);
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, type)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .set("X-Content-Type-Options", "nosniff")
                .set("Content-Security-Policy", "default-src 'self'; connect-src 'self' ws: wss:");
        boolean keep = HttpUtil.isKeepAlive(req);
        if (keep) {
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(r);
        } else {
            ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
