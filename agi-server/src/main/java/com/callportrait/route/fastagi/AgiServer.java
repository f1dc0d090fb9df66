package com.callportrait.route.fastagi;

import com.callportrait.common.net.EventLoops;
import io.netty.bootstrap.ServerBootstrap;
import com.callportrait.common.net.SourceAllowList;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI server. Lifecycle: {@link #start} once, then {@link #close} (stops accepting, lets
 * live sessions finish within the grace period, then closes the rest). Thread-safe.
 */
public final class AgiServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AgiServer.class);

    private final AgiScripts scripts;
    private final AgiMetrics metrics;
    private final AgiLimits limits;
    private final Duration idleTimeout;
    private final SourceAllowList allow;
    private final ChannelHandler guard;
    private final EventLoopGroup boss = new NioEventLoopGroup(1, new DefaultThreadFactory("agi-accept", true));
    private final EventLoopGroup workers;
    private final ChannelGroup sessions = new DefaultChannelGroup("agi-sessions", GlobalEventExecutor.INSTANCE);
    private volatile Channel serverChannel;

    private AgiServer(AgiScripts scripts, AgiMetrics metrics, AgiLimits limits, Duration idleTimeout, int threads,
                      SourceAllowList allow, MeterRegistry registry) {
        this.allow = allow;
        this.scripts = scripts;
        this.metrics = metrics;
        this.limits = limits;
        this.idleTimeout = idleTimeout;
        this.workers = new NioEventLoopGroup(threads, new DefaultThreadFactory("agi-io", true));
        this.guard = allow.guard("agi", registry, ch -> {
            sessions.add(ch);
            configurePipeline(ch.pipeline(), scripts, metrics, limits, idleTimeout);
        });
    }

    /**
     * Creates a server (not yet listening).
     *
     * @param threads event loop threads; 0 = Netty's default (2 x cores)
     */
    public static AgiServer create(AgiScripts scripts, AgiMetrics metrics, AgiLimits limits, Duration idleTimeout,
                                   int threads) {
        return create(scripts, metrics, limits, idleTimeout, threads, SourceAllowList.any(),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    /**
     * Creates a server that accepts connections only from {@code allow} ({@code CP_AGI_ALLOW});
     * others are closed before any byte is read and counted in {@code registry}.
     */
    public static AgiServer create(AgiScripts scripts, AgiMetrics metrics, AgiLimits limits, Duration idleTimeout,
                                   int threads, SourceAllowList allow, MeterRegistry registry) {
        return new AgiServer(scripts, metrics, limits, idleTimeout, threads, allow, registry);
    }

    /** Binds and starts accepting; returns the bound address (port 0 picks a free port). */
    public synchronized InetSocketAddress start(String host, int port) throws InterruptedException {
        if (serverChannel != null) {
            throw new IllegalStateException("already started");
        }
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(guard);
        serverChannel = b.bind(host, port).sync().channel();
        InetSocketAddress addr = (InetSocketAddress) serverChannel.localAddress();
        log.info("FastAGI listening on {}:{} (scripts {})", host, addr.getPort(), scripts.names());
        if (allow.acceptsAny()) {
            log.warn("FastAGI port {} accepts connections from any address: set CP_AGI_ALLOW to the Asterisk hosts"
                    + " (e.g. 10.0.0.5/32)", addr.getPort());
        } else {
            log.info("FastAGI accepts connections only from {}", allow);
        }
        return addr;
    }

    /**
     * Installs the FastAGI handlers (idle timeout, decoder, session) on a pipeline; the server
     * does this for each connection, tests do it on an {@code EmbeddedChannel}.
     */
    public static void configurePipeline(ChannelPipeline pipeline, AgiScripts scripts, AgiMetrics metrics,
                                         AgiLimits limits, Duration idleTimeout) {
        pipeline.addLast("idle", new IdleStateHandler(idleTimeout.toMillis(), 0, 0, TimeUnit.MILLISECONDS))
                .addLast("decoder", new AgiDecoder(limits))
                .addLast("session", new AgiSessionHandler(scripts, metrics));
    }

    /** True while bound and accepting sessions. */
    public boolean isListening() {
        Channel c = serverChannel;
        return c != null && c.isActive();
    }

    /** Tasks waiting on the session event loops (they should stay near 0). */
    public int pendingTasks() {
        return EventLoops.pendingTasks(workers);
    }

    /** Sessions currently open. */
    public int activeSessions() {
        return sessions.size();
    }

    /** Stops accepting, waits up to {@code grace} for live sessions, then closes what is left. */
    public synchronized void close(Duration grace) {
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        while (!sessions.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!sessions.isEmpty()) {
            log.warn("closing {} FastAGI sessions still open after the {} ms grace period", sessions.size(),
                    grace.toMillis());
            sessions.close().awaitUninterruptibly();
        }
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
