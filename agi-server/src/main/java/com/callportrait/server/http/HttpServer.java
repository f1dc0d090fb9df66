package com.callportrait.server.http;

import com.callportrait.common.net.EventLoops;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import java.util.List;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
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
 * The HTTP server: one {@link Router}, keep-alive, 64 KiB request limit, 60 s idle timeout.
 * Lifecycle: {@link #start} once, {@link #close} once. Thread-safe.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    private final Router router;
    private final List<ChannelHandler> front;
    private final EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("http", true));
    private Channel serverChannel;

    private HttpServer(Router router, List<ChannelHandler> front) {
        this.router = router;
        this.front = List.copyOf(front);
    }

    public static HttpServer create(Router router) {
        return new HttpServer(router, List.of());
    }

    /**
     * A server whose pipeline first offers each request to {@code front} (sharable handlers that
     * pass on what they do not answer: the screen-pop pages and WebSockets), then the router.
     */
    public static HttpServer create(Router router, List<ChannelHandler> front) {
        return new HttpServer(router, front);
    }

    /** Binds and starts serving; returns the bound address (port 0 picks a free port). */
    public synchronized InetSocketAddress start(String host, int port) throws InterruptedException {
        serverChannel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new ReadTimeoutHandler(60, TimeUnit.SECONDS))
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpObjectAggregator(64 * 1024));
                        front.forEach(h -> ch.pipeline().addLast(h));
                        ch.pipeline().addLast(new RoutingHandler(router));
                    }
                })
                .bind(host, port).sync().channel();
        InetSocketAddress addr = (InetSocketAddress) serverChannel.localAddress();
        log.info("HTTP listening on {}:{}", host, addr.getPort());
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
