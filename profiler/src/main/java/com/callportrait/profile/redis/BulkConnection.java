package com.callportrait.profile.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.EpollProvider;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Redis connection for background bulk work (a training's read of many histories): its own
 * Lettuce client on its own single-thread event loop ({@value #THREAD}), never one of the
 * call-path loops ({@link com.callportrait.common.net.CallPathLoops}) that routing lookups are
 * written and answered on. A bulk read then queues behind other bulk reads only: its replies are
 * parsed, and its futures completed, on this loop, so a pipelined batch of histories never sits in
 * front of a routing lookup on the same socket or the same thread.
 *
 * <p>Made by {@link RedisConnector#bulkConnection()} (once, on first use) with the connector's
 * options (timeouts, TLS, credentials, reconnects) and closed by {@link RedisConnector#close()}.
 * Thread-safe: Lettuce connections multiplex, any thread may use {@link #async()}; {@link #sync()}
 * blocks its caller and must never be called on an event loop.
 */
public final class BulkConnection implements AutoCloseable {
    /** Name prefix of the bulk connection's I/O thread. */
    public static final String THREAD = "cp-redis-bulk";

    private final EventLoopGroup group;
    private final EventLoop loop;
    private final AbstractRedisClient client;
    private final AutoCloseable connection;
    private final RedisClusterAsyncCommands<String, String> async;
    private final RedisClusterCommands<String, String> sync;

    private BulkConnection(EventLoopGroup group, EventLoop loop, AbstractRedisClient client, AutoCloseable connection,
                           RedisClusterAsyncCommands<String, String> async, RedisClusterCommands<String, String> sync) {
        this.group = group;
        this.loop = loop;
        this.client = client;
        this.connection = connection;
        this.async = async;
        this.sync = sync;
    }

    /** Opens the connection on a new loop of its own; the caller owns it. */
    static BulkConnection open(RedisOptions options) {
        // the transport Lettuce picks for its channels (epoll when its native library loads)
        IoHandlerFactory io = EpollProvider.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(THREAD, true), io);
        EventLoop loop = (EventLoop) group.next();
        AbstractRedisClient client = null;
        try {
            if (options.cluster()) {
                RedisClusterClient c = RedisClusterClient.create(RedisConnector.clientResources(loop),
                        options.redisUris());
                client = c;
                c.setOptions(RedisConnector.clientOptions(options, ClusterClientOptions.builder()).build());
                StatefulRedisClusterConnection<String, String> conn = c.connect(StringCodec.UTF8);
                return new BulkConnection(group, loop, c, conn, conn.async(), conn.sync());
            }
            RedisClient c = RedisClient.create(RedisConnector.clientResources(loop));
            client = c;
            c.setOptions(RedisConnector.clientOptions(options, ClientOptions.builder()).build());
            StatefulRedisConnection<String, String> conn = c.connect(StringCodec.UTF8, options.redisUris().get(0));
            return new BulkConnection(group, loop, c, conn, conn.async(), conn.sync());
        } catch (RuntimeException e) {
            if (client != null) {
                RedisConnector.shutdown(client);
            }
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** Asynchronous commands; their replies complete on the bulk loop ({@link #inLoop()}). */
    public RedisClusterAsyncCommands<String, String> async() {
        return async;
    }

    /** Blocking commands (SCAN and the like) for a background thread; never on an event loop. */
    public RedisClusterCommands<String, String> sync() {
        return sync;
    }

    /** Whether the calling thread is this connection's I/O thread. */
    public boolean inLoop() {
        return loop.inEventLoop();
    }

    /** Closes the connection, shuts its client down and stops its loop. */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (Exception e) {
            // closing is best effort: the loop below goes away either way
        }
        RedisConnector.shutdown(client);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(Duration.ofSeconds(3).toMillis());
    }
}
