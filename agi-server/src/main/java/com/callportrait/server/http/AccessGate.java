package com.callportrait.server.http;

import com.callportrait.live.TokenService;
import com.callportrait.screenpop.Credentials;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of every HTTP request: looks the request up in the {@link Router} (the one
 * table of every path, also those answered by the screen-pop handler further on) and lets it
 * pass only when the route is public or the request presents a valid token of a role the
 * route's {@link Access} admits ({@link Credentials}: header, page cookie, or the one-time query
 * parameter). Otherwise it answers itself, always with a JSON body:
 * <ul>
 *   <li>401 when the token is missing, invalid or expired ({@code WWW-Authenticate: Bearer});</li>
 *   <li>403 when the token is valid but its role (or agent) may not use the path, or a page
 *       cookie is sent on a WebSocket opened from another origin;</li>
 *   <li>429 with {@code Retry-After} once the source address has failed too often
 *       ({@link FailureThrottle}); the token is then not even checked.</li>
 * </ul>
 * Every failure is counted in {@code cp.http.auth.failures} (tag {@code reason}: missing, invalid,
 * expired, forbidden), refusals of a throttled source in {@code cp.http.auth.throttled}; a
 * presented token that fails (not a missing one: a page opened before signing in) also counts
 * towards the source's throttle. Paths the
 * router does not know pass on (the router answers 404/405).
 *
 * <p>Sharable and thread-safe; nothing here blocks (one HMAC per request).
 */
@ChannelHandler.Sharable
public final class AccessGate extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(AccessGate.class);

    private final Router router;
    private final TokenService tokens;
    private final FailureThrottle throttle;
    private final MeterRegistry registry;
    private final Counter throttled;
    private final Map<String, Counter> failures = new ConcurrentHashMap<>();

    public AccessGate(Router router, TokenService tokens, FailureThrottle throttle, MeterRegistry registry) {
        super(false);
        this.router = router;
        this.tokens = tokens;
        this.throttle = throttle;
        this.registry = registry;
        this.throttled = Counter.builder("cp.http.auth.throttled")
                .description("requests refused (429) because their source failed too many token checks")
                .register(registry);
        for (String reason : new String[] {"missing", "invalid", "expired", "forbidden"}) {
            failure(reason);
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        if (!req.decoderResult().isSuccess()) {
            ctx.fireChannelRead(req);
            return;
        }
        QueryStringDecoder q = new QueryStringDecoder(req.uri());
        Router.Result result = router.route(req.method().name(), q.path());
        if (!(result instanceof Router.Found found) || found.match().access().isPublic()) {
            ctx.fireChannelRead(req);
            return;
        }
        Router.Match m = found.match();
        InetAddress source = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
        if (throttle.blocked(source)) {
            throttled.increment();
            refuse(ctx, req, HttpReply.error(429, "too many failed token checks from this address; retry later")
                    .withHeader("Retry-After", Long.toString(Math.max(1, throttle.retryAfter(source).toSeconds()))));
            return;
        }
        Optional<Credentials.Presented> presented = Credentials.of(req);
        TokenService.Check check = tokens.check(presented.map(Credentials.Presented::token).orElse(null));
        if (!check.valid()) {
            String reason = check.verdict().name().toLowerCase(Locale.ROOT);
            fail(source, reason);
            String message = switch (check.verdict()) {
                case MISSING -> "a token is required (Authorization: Bearer TOKEN)";
                case EXPIRED -> "the token has expired";
                default -> "the token is not valid";
            };
            refuse(ctx, req, HttpReply.error(401, message).withHeader("WWW-Authenticate", "Bearer realm=\"callportrait\""));
            return;
        }
        TokenService.Grant grant = check.grant().orElseThrow();
        if (!m.access().permits(grant, m.params())) {
            fail(source, "forbidden");
            refuse(ctx, req, HttpReply.error(403, "a " + grant.role().wireName() + " token may not use this path"));
            return;
        }
        if (presented.get().source() == Credentials.Source.COOKIE && crossOrigin(req)) {
            fail(source, "forbidden");
            refuse(ctx, req, HttpReply.error(403, "the page cookie is accepted only from this server's own pages"));
            return;
        }
        ctx.fireChannelRead(req);
    }

    /**
     * SameSite=Strict already keeps the cookie off requests started by another site; as a second
     * line (older browsers, sibling subdomains), a cookie-authenticated request that names an
     * {@code Origin} must name this host.
     */
    private static boolean crossOrigin(FullHttpRequest req) {
        String origin = req.headers().get(HttpHeaderNames.ORIGIN);
        String host = req.headers().get(HttpHeaderNames.HOST);
        if (origin == null) {
            return false; // not sent by browsers on a same-origin GET; always sent on a WebSocket
        }
        try {
            URI o = URI.create(origin);
            String authority = o.getRawAuthority();
            return authority == null || host == null || !authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private void fail(InetAddress source, String reason) {
        failure(reason).increment();
        if (reason.equals("missing")) {
            return; // not a guess: a page opened before signing in; only presented tokens are throttled
        }
        boolean was = throttle.blocked(source);
        throttle.failed(source);
        if (!was && throttle.blocked(source)) {
            log.warn("HTTP source {} failed too many token checks; refusing its requests for {} s",
                    source.getHostAddress(), throttle.retryAfter(source).toSeconds());
        }
    }

    private Counter failure(String reason) {
        return failures.computeIfAbsent(reason, r -> Counter.builder("cp.http.auth.failures").tag("reason", r)
                .description("HTTP requests refused for a missing, invalid, expired or not permitted token")
                .register(registry));
    }

    private static void refuse(ChannelHandlerContext ctx, FullHttpRequest req, HttpReply reply) {
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        boolean head = req.method().equals(HttpMethod.HEAD);
        req.release();
        RoutingHandler.write(ctx, reply, keepAlive, head);
    }
}
