package com.callportrait.screenpop;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A plain Netty HTTP server carrying route handlers (the screen-pop routes, and whatever else the
 * application adds in front of the 404 at the end). Used where the application's own HTTP server
 * is not running (simulator, tests). Lifecycle: {@link #start}, {@link #close}. Thread-safe.
 */
public final class WebServer implements AutoCloseable {
    private final List<ChannelHandler> routes;
    private final EventLoopGroup boss = new NioEventLoopGroup(1, new DefaultThreadFactory("http-accept", true));
    private final EventLoopGroup workers = new NioEventLoopGroup(2, new DefaultThreadFactory("http-io", true));
    private Channel server;

    private WebServer(List<ChannelHandler> routes) {
        this.routes = List.copyOf(routes);
    }

    /** A server trying {@code routes} (sharable handlers) in order, then answering 404. */
    public static WebServer create(List<ChannelHandler> routes) {
        return new WebServer(routes);
    }

    public synchronized InetSocketAddress start(String host, int port) throws InterruptedException {
        server = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024));
                        routes.forEach(r -> ch.pipeline().addLast(r));
                        ch.pipeline().addLast(NotFound.INSTANCE);
                    }
                }).bind(host, port).sync().channel();
        return (InetSocketAddress) server.localAddress();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    @ChannelHandler.Sharable
    private static final class NotFound extends SimpleChannelInboundHandler<FullHttpRequest> {
        static final NotFound INSTANCE = new NotFound();

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            var r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND,
                    Unpooled.copiedBuffer("not found\n", java.nio.charset.StandardCharsets.UTF_8));
            r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes());
            ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
