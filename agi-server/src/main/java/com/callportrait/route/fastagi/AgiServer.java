package com.callportrait.route.fastagi;

import com.callportrait.common.net.CallPathLoops;
import com.callportrait.common.net.EventLoops;
import io.netty.bootstrap.ServerBootstrap;
import com.callportrait.common.net.SourceAllowList;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.util.concurrent.EventExecutor;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI server. Sessions run on native epoll where its library loads ({@link AgiTransport}),
 * by default on the {@link CallPathLoops} the Redis client shares. Lifecycle: {@link #start} once,
 * then {@link #close} (stops accepting, lets live sessions finish within the grace period, then
 * closes the rest; shared loops keep running). Thread-safe.
 */
public final class AgiServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AgiServer.class);

    private final AgiScripts scripts;
    private final AgiMetrics metrics;
    private final AgiLimits limits;
    private final Duration idleTimeout;
    private final SourceAllowList allow;
    private final ChannelHandler guard;
    private final AgiTransport transport;
    /** True when the sessions run on the {@link CallPathLoops} (shared with the Redis client). */
    private final boolean sharedLoops;
    /** NIO only: the accepting thread (with epoll every session loop accepts its own connections). */
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ChannelGroup sessions = new DefaultChannelGroup("agi-sessions", GlobalEventExecutor.INSTANCE);
    private final List<Channel> listeners = new CopyOnWriteArrayList<>();

    private AgiServer(AgiScripts scripts, AgiMetrics metrics, AgiLimits limits, Duration idleTimeout, int threads,
                      SourceAllowList allow, MeterRegistry registry) {
        this.allow = allow;
        this.scripts = scripts;
        this.metrics = metrics;
        this.limits = limits;
        this.idleTimeout = idleTimeout;
        this.sharedLoops = threads <= 0;
        this.transport = sharedLoops ? (CallPathLoops.epoll() ? AgiTransport.EPOLL : AgiTransport.NIO) : AgiTransport.best();
        this.workers = sharedLoops ? CallPathLoops.group() : transport.group(threads, "agi-io");
        this.boss = transport == AgiTransport.EPOLL ? null : transport.group(1, "agi-accept");
        this.guard = allow.guard("agi", registry, ch -> {
            sessions.add(ch);
            configurePipeline(ch.pipeline(), scripts, metrics, limits, idleTimeout);
        });
    }

    /**
     * Creates a server (not yet listening).
     *
     * @param threads event loop threads of its own; 0 = the {@link CallPathLoops} (one per core,
     *                shared with the Redis client, so a session's lookup stays on its thread)
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

    /**
     * Binds and starts accepting; returns the bound address (port 0 picks a free port). With epoll
     * every event loop binds its own listening socket on the port ({@code SO_REUSEPORT}): the
     * kernel spreads connections over them and each session stays on the loop that accepted it,
     * with no hand-over between threads. With NIO one acceptor thread hands sessions to the loops.
     */
    public synchronized InetSocketAddress start(String host, int port) throws InterruptedException {
        if (!listeners.isEmpty()) {
            throw new IllegalStateException("already started");
        }
        if (transport == AgiTransport.EPOLL) {
            requireFree(host, port);
            int bound = port;
            for (EventExecutor e : workers) {
                EventLoop loop = (EventLoop) e;
                Channel ch = bootstrap(loop, loop).option(EpollChannelOption.SO_REUSEPORT, true)
                        .bind(host, bound).sync().channel();
                listeners.add(ch);
                bound = ((InetSocketAddress) ch.localAddress()).getPort();
            }
        } else {
            listeners.add(bootstrap(boss, workers).bind(host, port).sync().channel());
        }
        Channel serverChannel = listeners.get(0);
        InetSocketAddress addr = (InetSocketAddress) serverChannel.localAddress();
        log.info("FastAGI listening on {}:{} (scripts {}, {} transport{})", host, addr.getPort(), scripts.names(),
                transport.name().toLowerCase(java.util.Locale.ROOT),
                transport == AgiTransport.EPOLL ? "" : ": native epoll unavailable, " + CallPathLoops.whyNotEpoll());
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

    /**
     * Sockets bound with {@code SO_REUSEPORT} share a port with any other such socket of the same
     * user: a second server started by mistake would silently take half the calls. A plain bind
     * first makes that fail as it always did ("Address already in use").
     */
    private static void requireFree(String host, int port) {
        if (port == 0) {
            return;
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (java.io.IOException e) {
            io.netty.util.internal.PlatformDependent.throwException(e);
        }
    }

    private ServerBootstrap bootstrap(EventLoopGroup parent, EventLoopGroup child) {
        return new ServerBootstrap()
                .group(parent, child)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(guard);
    }

    /** True while bound and accepting sessions. */
    public boolean isListening() {
        return !listeners.isEmpty() && listeners.stream().allMatch(Channel::isActive);
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
        listeners.forEach(c -> c.close().awaitUninterruptibly());
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
        if (!sharedLoops) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        }
        if (boss != null) {
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
