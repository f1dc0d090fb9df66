package com.callportrait.profile.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.EpollProvider;
import com.callportrait.common.net.CallPathLoops;
import io.netty.channel.EventLoop;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Owns the Lettuce client and its connections for one {@link RedisOptions}: a {@link RedisClient}
 * for a single node, a {@link RedisClusterClient} for a cluster.
 *
 * <p><b>Why no connection pool.</b> Lettuce connections are thread-safe and multiplex: every caller
 * pipelines its commands on the same socket, and one connection carries well over 100,000 simple
 * commands per second. A pool ({@code AsyncConnectionPoolSupport}) only pays off for commands that
 * hold a connection: {@code MULTI/EXEC} and blocking reads. The profile store uses Lua scripts
 * instead of {@code MULTI/EXEC}, so it shares {@link #async()}. Code that needs blocking reads
 * ({@code XREADGROUP BLOCK}) must open its own client. On a single node there is one connection per
 * call-path event loop ({@link CallPathLoops}), or {@code CP_REDIS_CONNECTIONS} when that is more:
 * a lookup made on a call-path loop uses the connection on that loop; other threads spread their
 * commands round-robin.
 *
 * <p><b>Failing fast.</b> Every command carries the command timeout; while disconnected, commands
 * are rejected at once ({@code REJECT_COMMANDS}) instead of queueing, and at most
 * {@code requestQueueSize} commands wait per connection, so a dead Redis turns into quick failed
 * stages, never into a growing heap. Reconnection runs in the background.
 *
 * <p>Thread-safe. Lifecycle: {@link #connect} opens the connections (or throws
 * {@link RedisStoreException} with the reason); {@link #close} closes them and shuts the client down.
 */
public final class RedisConnector implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisConnector.class);

    private final RedisOptions options;
    private final List<RedisClient> clients;
    /** Standalone: the call-path loop each connection lives on (same index as {@link #async}). */
    private final List<EventLoop> loops;
    private final RedisClusterClient clusterClient;
    private final List<AutoCloseable> connections;
    private final List<RedisClusterAsyncCommands<String, String>> async;
    private final RedisClusterCommands<String, String> sync;
    private final AtomicInteger next = new AtomicInteger();
    private BulkConnection bulk;
    private boolean closed;

    private RedisConnector(RedisOptions options, List<RedisClient> clients, List<EventLoop> loops,
                           RedisClusterClient clusterClient, List<AutoCloseable> connections,
                           List<RedisClusterAsyncCommands<String, String>> async, RedisClusterCommands<String, String> sync) {
        this.options = options;
        this.clients = clients;
        this.loops = loops;
        this.clusterClient = clusterClient;
        this.connections = connections;
        this.async = async;
        this.sync = sync;
    }

    /**
     * Connects to Redis as configured.
     *
     * @throws RedisStoreException naming the nodes (password masked) when no connection can be made
     */
    public static RedisConnector connect(RedisOptions options) {
        if (options.passwordInUri() && options.password() == null) {
            log.warn("CP_REDIS_URI carries a password: it is visible in the process environment; put it in a"
                    + " file readable only by this service and set CP_REDIS_PASSWORD_FILE instead");
        }
        try {
            return options.cluster() ? connectCluster(options) : connectStandalone(options);
        } catch (RedisException e) {
            throw new RedisStoreException("cannot connect to Redis at " + options.describe() + ": " + rootMessage(e)
                    + hint(e, options), e);
        }
    }

    /** What to check, for the two start-up failures an operator meets most: credentials and trust. */
    private static String hint(Throwable e, RedisOptions options) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("WRONGPASS") || m.contains("NOAUTH") || m.contains("invalid password")) {
                return " - check the user in CP_REDIS_URI and the password in CP_REDIS_PASSWORD_FILE";
            }
            if (t instanceof javax.net.ssl.SSLException || t instanceof java.security.cert.CertificateException) {
                return " - TLS handshake failed: the server certificate is not trusted or does not match the host;"
                        + (options.tlsCa() == null ? " set CP_REDIS_TLS_CA to the CA that signed it"
                        : " check that CP_REDIS_TLS_CA (" + options.tlsCa() + ") holds the CA that signed it");
            }
        }
        return "";
    }

    /**
     * One connection per {@link CallPathLoops call-path loop} (or {@code CP_REDIS_CONNECTIONS}, when
     * more), each with a client pinned to its loop, so it stays there across reconnects: a FastAGI
     * session's lookup is written and answered on the session's own thread ({@link #async()}).
     * When Lettuce would use another transport than the loops, Lettuce's own loops are used.
     */
    private static RedisConnector connectStandalone(RedisOptions options) {
        List<EventLoop> shared = EpollProvider.isAvailable() == CallPathLoops.epoll() ? CallPathLoops.loops() : List.of();
        int n = Math.max(options.connections(), shared.size());
        List<RedisClient> clients = new ArrayList<>();
        List<EventLoop> loops = new ArrayList<>();
        List<AutoCloseable> connections = new ArrayList<>();
        List<RedisClusterAsyncCommands<String, String>> async = new ArrayList<>();
        RedisClusterCommands<String, String> sync = null;
        try {
            for (int i = 0; i < n; i++) {
                EventLoop loop = shared.isEmpty() ? null : shared.get(i % shared.size());
                RedisClient client = RedisClient.create(clientResources(loop));
                clients.add(client);
                client.setOptions(clientOptions(options, ClientOptions.builder()).build());
                StatefulRedisConnection<String, String> c = client.connect(StringCodec.UTF8, options.redisUris().get(0));
                connections.add(c);
                async.add(c.async());
                loops.add(loop);
                if (sync == null) {
                    sync = c.sync();
                }
            }
        } catch (RuntimeException e) {
            connections.forEach(RedisConnector::closeQuietly);
            clients.forEach(RedisConnector::shutdown);
            throw e;
        }
        log.info("connected to Redis {} with {} connection(s){}", options.describe(), n,
                shared.isEmpty() ? "" : ", one per call-path event loop");
        return new RedisConnector(options, clients, shared.isEmpty() ? null : loops, null, connections, async, sync);
    }

    private static RedisConnector connectCluster(RedisOptions options) {
        RedisClusterClient client = RedisClusterClient.create(clientResources(null), options.redisUris());
        ClusterTopologyRefreshOptions refresh = ClusterTopologyRefreshOptions.builder()
                .enableAllAdaptiveRefreshTriggers()
                .enablePeriodicRefresh(Duration.ofSeconds(30))
                .build();
        client.setOptions(clientOptions(options, ClusterClientOptions.builder())
                .topologyRefreshOptions(refresh)
                .build());
        try {
            StatefulRedisClusterConnection<String, String> c = client.connect(StringCodec.UTF8);
            log.info("connected to Redis Cluster {}", options.describe());
            return new RedisConnector(options, List.of(), null, client, List.of(c), List.of(c.async()), c.sync());
        } catch (RuntimeException e) {
            shutdown(client);
            throw e;
        }
    }

    /**
     * Lettuce records a latency histogram per command whenever HdrHistogram and LatencyUtils are on
     * the classpath (Micrometer brings both). Nothing reads it, and it cost 7-10 % of the Redis I/O
     * thread in the routing benchmark, so it is off. Reconnect attempts back off to 2 s at most. Each client owns its resources: they are shut
     * down with it ({@code shutdown} of a client created with resources leaves them running, so
     * {@link #close} shuts them down too).
     */
    static ClientResources clientResources(EventLoop loop) {
        DefaultClientResources.Builder b = DefaultClientResources.builder();
        if (loop != null) {
            b.eventLoopGroupProvider(new PinnedLoop(loop));
        }
        return b
                .commandLatencyRecorder(CommandLatencyRecorder.disabled())
                // Lettuce's default backs off to 30 s between reconnect attempts, so after a long
                // outage the client could stay away up to 30 s after Redis is back; spooled records
                // would wait that long. 2 s at most, one connection attempt each: cheap.
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
    }

    static <B extends ClientOptions.Builder> B clientOptions(RedisOptions options, B builder) {
        builder.autoReconnect(true)
                .requestQueueSize(options.requestQueueSize())
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(options.commandTimeout()))
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(options.connectTimeout())
                        .keepAlive(true)
                        .tcpNoDelay(true)
                        .build());
        if (options.tlsCa() != null) {
            builder.sslOptions(SslOptions.builder().trustManager(options.tlsCa().toFile()).build());
        }
        return builder;
    }

    /** The options this connector was built from. */
    public RedisOptions options() {
        return options;
    }

    /** Whether the cluster client is in use (keys of one command must then share a slot). */
    public boolean isCluster() {
        return clusterClient != null;
    }

    /**
     * Asynchronous commands on a shared multiplexed connection: on a call-path event loop, the
     * connection living on that loop; elsewhere round-robin over the connections. Safe from any
     * thread, including Netty event loops: nothing here blocks.
     */
    public RedisClusterAsyncCommands<String, String> async() {
        if (loops != null) {
            for (int i = 0; i < loops.size(); i++) {
                if (loops.get(i).inEventLoop()) {
                    return async.get(i);
                }
            }
        }
        if (async.size() == 1) {
            return async.get(0);
        }
        return async.get(Math.floorMod(next.getAndIncrement(), async.size()));
    }

    /**
     * A new connection for SUBSCRIBE (a subscribed connection runs no other command; it
     * re-subscribes by itself after a reconnect). The caller owns and closes it.
     */
    public io.lettuce.core.pubsub.StatefulRedisPubSubConnection<String, String> connectPubSub() {
        return clusterClient != null ? clusterClient.connectPubSub(StringCodec.UTF8)
                : clients.get(0).connectPubSub(StringCodec.UTF8, options.redisUris().get(0));
    }

    /**
     * The connection for background bulk work (a training's read of many histories), opened on first
     * use: its own client on its own single-thread event loop, never a call-path loop, so bulk reads
     * never queue in front of routing lookups ({@link BulkConnection}). The routing connections
     * ({@link #async()}) never carry this traffic. Owned by this connector and closed with it.
     *
     * @throws RedisStoreException when it cannot be opened, or the connector is closed
     */
    public synchronized BulkConnection bulkConnection() {
        if (closed) {
            throw new RedisStoreException("the Redis connector is closed");
        }
        if (bulk == null) {
            try {
                bulk = BulkConnection.open(options);
            } catch (RedisException e) {
                throw new RedisStoreException("cannot open the bulk-read connection to Redis at " + options.describe()
                        + ": " + rootMessage(e), e);
            }
            log.info("opened a bulk-read connection to Redis {} on its own event loop ({})", options.describe(),
                    BulkConnection.THREAD);
        }
        return bulk;
    }

    /** Blocking commands on the first connection, for CLI tools; never call them on the call path. */
    public RedisClusterCommands<String, String> sync() {
        return sync;
    }

    @Override
    public void close() {
        BulkConnection b;
        synchronized (this) {
            closed = true;
            b = bulk;
            bulk = null;
        }
        if (b != null) {
            b.close();
        }
        connections.forEach(RedisConnector::closeQuietly);
        clients.forEach(RedisConnector::shutdown);
        if (clusterClient != null) {
            shutdown(clusterClient);
        }
    }

    static void shutdown(AbstractRedisClient c) {
        c.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        c.getResources().shutdown(0, 2, TimeUnit.SECONDS);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            log.debug("closing a Redis connection failed", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
    }
}
