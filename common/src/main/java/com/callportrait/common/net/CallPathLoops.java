package com.callportrait.common.net;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;

/**
 * The event loops of the call path, one per core, shared by the FastAGI server and the Redis
 * client: a call's session and its profile lookup run on the same thread, so a lookup is written
 * and its reply handled without handing work between threads (two wake-ups per call saved).
 * Native epoll on Linux when its library loads, Java NIO otherwise
 * ({@code -Dio.netty.transport.noNative=true} forces NIO).
 *
 * <p>Created on first use and never shut down: daemon threads that live as long as the JVM, so
 * no user of the loops can stop them under another. Work on them must never block (a blocking
 * Redis call made on the loop of its own connection would wait for itself). Thread-safe.
 */
public final class CallPathLoops {
    private static EventLoopGroup group;
    private static List<EventLoop> loops;
    private static boolean epoll;

    private CallPathLoops() {
    }

    /** The shared group (created on first call). */
    public static synchronized EventLoopGroup group() {
        if (group == null) {
            epoll = Epoll.isAvailable();
            IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
            group = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                    new DefaultThreadFactory("cp-io", true), io);
            List<EventLoop> l = new ArrayList<>();
            for (EventExecutor e : group) {
                l.add((EventLoop) e);
            }
            loops = List.copyOf(l);
        }
        return group;
    }

    /** The loops of {@link #group()}, in a fixed order. */
    public static synchronized List<EventLoop> loops() {
        group();
        return loops;
    }

    /** True when the loops use native epoll (channels must then be epoll channels). */
    public static synchronized boolean epoll() {
        group();
        return epoll;
    }

    /** Why native epoll is not used, or empty text when it is. */
    public static String whyNotEpoll() {
        Throwable t = Epoll.unavailabilityCause();
        return t == null ? "" : t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
