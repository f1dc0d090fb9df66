package com.callportrait.route.fastagi;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The socket transport of the FastAGI server: Netty's native epoll on Linux when its library
 * loads (fewer system calls and no selector bookkeeping per connection, which matters when every
 * call is a new connection), Java NIO otherwise. {@code -Dio.netty.transport.noNative=true}
 * forces NIO. Immutable and thread-safe; the groups it makes belong to the caller.
 */
enum AgiTransport {
    EPOLL, NIO;

    /** The best transport this JVM can use. */
    static AgiTransport best() {
        return Epoll.isAvailable() ? EPOLL : NIO;
    }

    /** A group of {@code threads} event loops (0 = Netty's default) named {@code name-N}. */
    EventLoopGroup group(int threads, String name) {
        IoHandlerFactory io = this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), io);
    }

    Class<? extends ServerChannel> serverChannel() {
        return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }
}
