package com.callportrait.server.http;

import com.callportrait.common.net.EventLoops;
import com.callportrait.live.TokenService;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import java.util.List;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: one {@link Router}, keep-alive, 64 KiB request limit, 60 s idle timeout. Built
 * with {@link #secured}, each connection passes the source allow-list ({@code CP_HTTP_ALLOW})
 * before a byte is read, and each request the {@link AccessGate} before any handler.
 * Lifecycle: {@link #start} once, {@link #close} once. Thread-safe.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    private final Router router;
    private final List<ChannelHandler> front;
    private final ChannelHandler gate;
    private final TokenService tokens;
    private final HttpOptions options;
    private final MeterRegistry registry;
    private final EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("http", true));
    private Channel serverChannel;

    private HttpServer(Router router, List<ChannelHandler> front, ChannelHandler gate, TokenService tokens,
                       HttpOptions options, MeterRegistry registry) {
        this.router = router;
        this.front = List.copyOf(front);
        this.gate = gate;
        this.tokens = tokens;
        this.options = options;
        this.registry = registry;
    }

    /** A server without access checks or allow-list (tests of one handler). */
    public static HttpServer create(Router router) {
        return create(router, List.of());
    }

    /**
     * A server without access checks or allow-list whose pipeline first offers each request to
     * {@code front} (sharable handlers that pass on what they do not answer: the screen-pop pages
     * and WebSockets), then the router (tests of one handler).
     */
    public static HttpServer create(Router router, List<ChannelHandler> front) {
        return new HttpServer(router, front, null, null, HttpOptions.builder().bindAddress("0.0.0.0").build(),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    /**
     * The production server: connections from {@code options.allow()} only, every request through
     * the {@link AccessGate} (tokens of {@code tokens}, failures throttled per source), then
     * {@code front}, then the router.
     */
    public static HttpServer secured(Router router, List<ChannelHandler> front, TokenService tokens,
                                     HttpOptions options, MeterRegistry registry) {
        FailureThrottle throttle = new FailureThrottle(options.failuresPerMinute(), java.time.Duration.ofMinutes(1),
                java.time.Clock.systemUTC());
        return new HttpServer(router, front, new AccessGate(router, tokens, throttle, registry), tokens, options,
                registry);
    }

    /** The routes this server answers (the access test walks them). */
    public Router router() {
        return router;
    }

    /** Binds {@link HttpOptions#bindAddress()} and starts serving; returns the bound address. */
    public InetSocketAddress start(int port) throws InterruptedException {
        return start(options.bindAddress(), port);
    }

    /** Binds and starts serving; returns the bound address (port 0 picks a free port). */
    public synchronized InetSocketAddress start(String host, int port) throws InterruptedException {
        serverChannel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(options.allow().guard("http", registry, ch -> {
                    ch.pipeline()
                            .addLast(new ReadTimeoutHandler(60, TimeUnit.SECONDS))
                            .addLast(new HttpServerCodec())
                            .addLast(new HttpObjectAggregator(64 * 1024));
                    if (gate != null) {
                        ch.pipeline().addLast(gate);
                    }
                    front.forEach(h -> ch.pipeline().addLast(h));
                    ch.pipeline().addLast(new RoutingHandler(router, tokens));
                }))
                .bind(host, port).sync().channel();
        InetSocketAddress addr = (InetSocketAddress) serverChannel.localAddress();
        boolean loopback = addr.getAddress().isLoopbackAddress();
        log.info("HTTP listening on {}:{} ({}; CP_HTTP_BIND_ADDRESS), sources {} (CP_HTTP_ALLOW), tokens {}", host,
                addr.getPort(), loopback ? "this host only" : "reachable from the network", options.allow(),
                gate == null ? "NOT checked" : "required for customer and call data");
        if (!loopback && options.allow().acceptsAny() && gate != null) {
            log.warn("HTTP port {} accepts connections from any address: set CP_HTTP_ALLOW to the agents' networks,"
                    + " the reverse proxy and Prometheus (e.g. 10.0.0.0/8,127.0.0.1)", addr.getPort());
        }
        return addr;
    }

    /** Tasks waiting on the HTTP event loop (they should stay near 0). */
    public int pendingTasks() {
        return EventLoops.pendingTasks(group);
    }

    @Override
    public synchronized void close() {
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
