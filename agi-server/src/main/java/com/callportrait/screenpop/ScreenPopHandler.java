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
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The screen-pop routes on an HTTP pipeline (after {@code HttpServerCodec} and
 * {@code HttpObjectAggregator}): pages, static files, {@code /api/calls}, the page session
 * ({@code POST/DELETE /session}) and the two WebSocket endpoints, listed with who may use them in
 * {@link #ROUTES} (the HTTP server registers them in its route table and checks access in front
 * of this handler too). Tokens are checked on every WebSocket connect and every API call
 * ({@link Credentials}: {@code Authorization: Bearer}, the HttpOnly page cookie, or the query
 * parameter {@code token}): 401 when missing, invalid or expired, 403 when valid but of a role (or
 * agent) that may not use the path; an open socket is closed when its token expires. The pages
 * themselves hold no data: loaded with a valid {@code ?token=}, a page gets the token back as an
 * HttpOnly, SameSite=Strict cookie and drops the query from the address bar, so the token leaves
 * the URL after the first load. Error bodies are JSON. Requests for other paths go on down the
 * pipeline. Sharable and thread-safe; nothing here blocks.
 */
@ChannelHandler.Sharable
public final class ScreenPopHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(ScreenPopHandler.class);
    private static final Map<String, String> STATIC = Map.of("agent.js", "text/javascript; charset=utf-8",
            "supervisor.js", "text/javascript; charset=utf-8", "style.css", "text/css; charset=utf-8");
    private static final int MAX_FRAME = 16 * 1024;

    /**
     * One path this handler answers and who may use it.
     *
     * @param method   HTTP method
     * @param pattern  path pattern ({@code {name}} segments)
     * @param roles    token roles admitted; empty: no token needed (the route holds no data)
     * @param ownParam for an agent token: the path parameter that must be its own name, or {@code ""}
     */
    public record PageRoute(String method, String pattern, Set<TokenService.Role> roles, String ownParam) {
    }

    /** Every path this handler answers. */
    public static final List<PageRoute> ROUTES = List.of(
            new PageRoute("GET", "/agent/{agent}", Set.of(), ""),
            new PageRoute("GET", "/supervisor", Set.of(), ""),
            new PageRoute("GET", "/static/{file}", Set.of(), ""),
            new PageRoute("GET", "/api/calls", Set.of(TokenService.Role.SUPERVISOR, TokenService.Role.SERVICE), ""),
            new PageRoute("GET", "/ws/agent/{agent}", Set.of(TokenService.Role.AGENT), "agent"),
            new PageRoute("GET", "/ws/supervisor", Set.of(TokenService.Role.SUPERVISOR), ""),
            new PageRoute("POST", "/session", Set.of(TokenService.Role.AGENT, TokenService.Role.SUPERVISOR), ""),
            new PageRoute("DELETE", "/session", Set.of(), ""));

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
                || path.equals("/api/calls") || path.startsWith("/ws/agent/") || path.equals("/ws/supervisor")
                || path.equals("/session");
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
            if (path.equals("/session")) {
                session(ctx, req);
            } else if (req.method() != HttpMethod.GET) {
                error(ctx, req, HttpResponseStatus.METHOD_NOT_ALLOWED, "GET only");
            } else if (path.startsWith("/agent/")) {
                String agent = path.substring("/agent/".length());
                boolean known = AgentDirectory.AGENT_ID.matcher(agent).matches();
                page(ctx, req, q, known ? "agent.html" : null, TokenService.Role.AGENT, agent);
            } else if (path.equals("/supervisor")) {
                page(ctx, req, q, "supervisor.html", TokenService.Role.SUPERVISOR, "supervisor");
            } else if (path.startsWith("/static/")) {
                String name = path.substring("/static/".length());
                String type = STATIC.get(name);
                if (type == null) {
                    error(ctx, req, HttpResponseStatus.NOT_FOUND, "no such file");
                } else {
                    respond(ctx, req, HttpResponseStatus.OK, type, resource(name));
                }
            } else if (path.equals("/api/calls")) {
                // every call: supervisors and integrations (an agent's calls reach their own socket)
                if (admitted(ctx, req, EnumSet.of(TokenService.Role.SUPERVISOR, TokenService.Role.SERVICE), null)
                        .isPresent()) {
                    var arr = PopMessages.JSON.createArrayNode();
                    calls.all().forEach(c -> arr.add(PopMessages.summary(c, calls.clock().instant())));
                    respond(ctx, req, HttpResponseStatus.OK, "application/json", arr.toString().getBytes(StandardCharsets.UTF_8));
                }
            } else if (path.startsWith("/ws/agent/")) {
                String agent = path.substring("/ws/agent/".length());
                if (!AgentDirectory.AGENT_ID.matcher(agent).matches()) {
                    error(ctx, req, HttpResponseStatus.NOT_FOUND, "no such agent page");
                } else if (admitted(ctx, req, EnumSet.of(TokenService.Role.AGENT), agent).isPresent()
                        && upgrade(ctx, req, agent, Credentials.token(req))) {
                    hub.agentJoined(agent, ctx.channel());
                }
            } else if (admitted(ctx, req, EnumSet.of(TokenService.Role.SUPERVISOR), null).isPresent()
                    && upgrade(ctx, req, null, Credentials.token(req))) {
                hub.supervisorJoined(ctx.channel());
            }
        } finally {
            req.release();
        }
    }

    /**
     * The request's grant when its token is valid and of one of {@code roles} (an agent token
     * only for {@code agent} when given); otherwise answers 401 or 403 and returns empty.
     */
    private Optional<TokenService.Grant> admitted(ChannelHandlerContext ctx, FullHttpRequest req,
                                                  Set<TokenService.Role> roles, String agent) {
        TokenService.Check check = tokens.check(Credentials.token(req));
        if (!check.valid()) {
            error(ctx, req, HttpResponseStatus.UNAUTHORIZED, check.verdict() == TokenService.Verdict.EXPIRED
                    ? "the token has expired" : check.verdict() == TokenService.Verdict.MISSING
                    ? "a token is required" : "the token is not valid");
            return Optional.empty();
        }
        TokenService.Grant g = check.grant().orElseThrow();
        if (!roles.contains(g.role()) || g.role() == TokenService.Role.AGENT && agent != null && !agent.equals(g.name())) {
            error(ctx, req, HttpResponseStatus.FORBIDDEN, "a " + g.role().wireName() + " token may not use this path");
            return Optional.empty();
        }
        return Optional.of(g);
    }

    /**
     * {@code POST /session} with {@code Authorization: Bearer TOKEN} (the sign-in form): the token
     * comes back as the page cookie. {@code DELETE /session}: the cookie is removed (sign out).
     */
    private void session(ChannelHandlerContext ctx, FullHttpRequest req) {
        boolean secure = Credentials.secure(req);
        if (req.method() == HttpMethod.DELETE) {
            respond(ctx, req, HttpResponseStatus.OK, "application/json",
                    PopMessages.JSON.createObjectNode().put("signedOut", true).toString().getBytes(StandardCharsets.UTF_8),
                    Credentials.clearCookie(secure));
            return;
        }
        if (req.method() != HttpMethod.POST) {
            error(ctx, req, HttpResponseStatus.METHOD_NOT_ALLOWED, "POST or DELETE only");
            return;
        }
        Optional<TokenService.Grant> g = admitted(ctx, req, EnumSet.of(TokenService.Role.AGENT,
                TokenService.Role.SUPERVISOR), null);
        if (g.isPresent()) {
            String token = Credentials.token(req);
            byte[] body = PopMessages.JSON.createObjectNode().put("role", g.get().role().wireName())
                    .put("name", g.get().name()).put("expires", g.get().expires().toString()).toString()
                    .getBytes(StandardCharsets.UTF_8);
            respond(ctx, req, HttpResponseStatus.OK, "application/json", body,
                    Credentials.cookie(token, tokens.remaining(token), secure));
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

    /**
     * A page (no data in it). Loaded with a valid {@code ?token=} for this page, the token comes
     * back as the HttpOnly cookie, so the page can drop it from the URL and still connect.
     */
    private void page(ChannelHandlerContext ctx, FullHttpRequest req, QueryStringDecoder q, String name,
                      TokenService.Role role, String who) {
        if (name == null) {
            error(ctx, req, HttpResponseStatus.NOT_FOUND, "no such page");
            return;
        }
        List<String> t = q.parameters().get("token");
        String cookie = null;
        if (t != null && !t.isEmpty()) {
            TokenService.Check check = tokens.check(t.get(0));
            if (check.grant().filter(g -> g.role() == role && g.name().equals(who)).isPresent()) {
                cookie = Credentials.cookie(t.get(0), tokens.remaining(t.get(0)), Credentials.secure(req));
            }
        }
        respond(ctx, req, HttpResponseStatus.OK, "text/html; charset=utf-8", resource(name), cookie);
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

    /** A JSON error body ({@code {"error": message}}), written by Jackson. */
    private static void error(ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status, String message) {
        respond(ctx, req, status, "application/json",
                PopMessages.JSON.createObjectNode().put("error", message).toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status,
                                String type, byte[] body) {
        respond(ctx, req, status, type, body, null);
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status,
                                String type, byte[] body, String setCookie) {
        ByteBuf buf = Unpooled.wrappedBuffer(body);
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, buf);
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, type)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .set("X-Content-Type-Options", "nosniff")
                // a page URL may still hold ?token= on its first load: never send it to anyone
                .set("Referrer-Policy", "no-referrer")
                .set("Content-Security-Policy", "default-src 'self'; connect-src 'self' ws: wss:");
        if (status == HttpResponseStatus.UNAUTHORIZED) {
            r.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"callportrait\"");
        }
        if (setCookie != null) {
            r.headers().set(HttpHeaderNames.SET_COOKIE, setCookie);
        }
        boolean keep = HttpUtil.isKeepAlive(req);
        if (keep) {
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(r);
        } else {
            ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
