package com.callportrait.speech.audiosocket;

import com.callportrait.common.net.EventLoops;
import com.callportrait.speech.SpeechException;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AudioSocket TCP server Asterisk connects to ({@code AudioSocket(uuid,host:9092)}). Each
 * connection gets its own decoder, encoder and session handler; audio goes to the
 * {@link CallAudioSinkFactory}'s sinks, which hand it to the recognition pool, so the event loop
 * only parses frames. One event-loop thread is plenty: 50 small frames a second per call.
 *
 * <p>Thread-safe. Lifecycle: {@link #start} binds (failing fast if the port is taken),
 * {@link #close()} unbinds and closes every session (their sinks see {@code end}).
 */
public final class AudioSocketServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AudioSocketServer.class);

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel channel;

    private AudioSocketServer(EventLoopGroup boss, EventLoopGroup workers, Channel channel) {
        this.boss = boss;
        this.workers = workers;
        this.channel = channel;
    }

    public static AudioSocketServer start(AudioSocketOptions options, CallAudioSinkFactory sinks) {
        return start(options, sinks, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    /**
     * Binds and starts accepting. Connections from addresses outside {@code options.allow()} are
     * closed before any byte is read and counted in {@code registry}.
     */
    public static AudioSocketServer start(AudioSocketOptions options, CallAudioSinkFactory sinks,
                                          io.micrometer.core.instrument.MeterRegistry registry) {
        ChannelHandler guard = options.allow().guard("audiosocket", registry, ch -> {
            ch.pipeline().addLast("idle", new IdleStateHandler(options.idleMs(), 0, 0, TimeUnit.MILLISECONDS));
            configure(ch.pipeline(), options, sinks);
        });
        EventLoopGroup boss = new NioEventLoopGroup(1);
        EventLoopGroup workers = new NioEventLoopGroup(1);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(guard);
        try {
            Channel channel = bootstrap.bind(options.host(), options.port()).sync().channel();
            AudioSocketServer server = new AudioSocketServer(boss, workers, channel);
            log.info("AudioSocket server listening on {}:{}", options.host(), server.port());
            if (options.allow().acceptsAny()) {
                log.warn("AudioSocket port {} accepts connections from any address: set CP_AUDIOSOCKET_ALLOW to the"
                        + " Asterisk hosts (e.g. 10.0.0.5/32)", server.port());
            } else {
                log.info("AudioSocket accepts connections only from {}", options.allow());
            }
            return server;
        } catch (Exception e) {
            boss.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new SpeechException("cannot listen for AudioSocket on " + options.host() + ":" + options.port()
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Adds the codec and the session handler of one AudioSocket session to {@code pipeline}: what
     * every server connection gets (after its idle timer), and what the file transcriber puts in
     * an embedded channel so recordings take exactly the live path.
     */
    public static void configure(ChannelPipeline pipeline, AudioSocketOptions options, CallAudioSinkFactory sinks) {
        pipeline.addLast("decoder", new AudioSocketDecoder(options.maxPayload()))
                .addLast("encoder", AudioSocketEncoder.toAsterisk())
                .addLast("session", new AudioSocketSessionHandler(sinks));
    }

    /** The bound port (useful when started on port 0). */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** True while bound and accepting sessions. */
    public boolean isListening() {
        return channel.isActive();
    }

    /** Tasks waiting on the session event loop: above a handful, frames are not read promptly. */
    public int pendingTasks() {
        return EventLoops.pendingTasks(workers);
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
