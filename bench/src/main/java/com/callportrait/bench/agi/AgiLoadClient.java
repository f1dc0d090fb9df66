package com.callportrait.bench.agi;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Plays Asterisk for many FastAGI sessions at once on one event loop thread: connects, writes
 * the environment block, answers every command line with {@code 200 result=1}, and ends when the
 * server closes the socket. Thread-safe; completions run on the client's event loop.
 */
public final class AgiLoadClient implements AutoCloseable {
    private static final byte[] OK = "200 result=1\n".getBytes(StandardCharsets.US_ASCII);

    private final EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("agi-load", true));
    private final Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000);

    /**
     * One finished session.
     *
     * @param nanos    from the start of the connect to the server's close
     * @param commands command lines received (and answered)
     * @param ok       true when the server sent at least one command and closed cleanly
     */
    public record Session(long nanos, int commands, boolean ok) {
    }

    /** The client's event loop, for scheduling load. */
    public EventLoopGroup loop() {
        return group;
    }

    /** Runs one session; {@code startNanos} is when it was due (latency counts from there). */
    public CompletableFuture<Session> session(InetSocketAddress server, byte[] environment, long startNanos) {
        CompletableFuture<Session> done = new CompletableFuture<>();
        bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new LineBasedFrameDecoder(16 * 1024), new AsteriskSide(environment, startNanos, done));
            }
        }).connect(server).addListener(f -> {
            if (!f.isSuccess()) {
                done.complete(new Session(System.nanoTime() - startNanos, 0, false));
            }
        });
        return done.orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> new Session(System.nanoTime() - startNanos, 0, false));
    }

    /** The Asterisk end of one connection. */
    private static final class AsteriskSide extends ChannelInboundHandlerAdapter {
        private final byte[] environment;
        private final long start;
        private final CompletableFuture<Session> done;
        private int commands;
        private boolean failed;

        AsteriskSide(byte[] environment, long start, CompletableFuture<Session> done) {
            this.environment = environment;
            this.start = start;
            this.done = done;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(environment));
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ((ByteBuf) msg).release();
            commands++;
            ctx.writeAndFlush(Unpooled.wrappedBuffer(OK));
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            done.complete(new Session(System.nanoTime() - start, commands, !failed && commands > 0));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            failed = true;
            ctx.close();
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
