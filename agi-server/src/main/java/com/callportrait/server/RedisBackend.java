package com.callportrait.server;

import com.callportrait.profile.redis.EmbeddedRedis;
import com.callportrait.profile.redis.RedisConnector;
import com.callportrait.profile.redis.RedisOptions;
import com.callportrait.profile.redis.RedisProfileStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redis this process uses: {@code CP_REDIS_URI} when set, otherwise an embedded redis-server
 * on 127.0.0.1 (data in {@code CP_REDIS_DATA_DIR}, default {@code CP_DATA_DIR/redis}). Owns the
 * connector, the profile store and the embedded server; {@link #close()} releases them in order.
 * Thread-safe once built.
 */
public final class RedisBackend implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisBackend.class);
    /**
     * Command (and handshake) timeout towards the embedded Redis. Generous because the embedded
     * server shares a small machine with a cold JVM; the call path has its own budget
     * (CP_ROUTE_BUDGET_MS), so this never delays routing.
     */
    private static final java.time.Duration EMBEDDED_TIMEOUT = java.time.Duration.ofSeconds(3);

    private final Optional<EmbeddedRedis> embedded;
    private final RedisConnector connector;
    private final RedisProfileStore store;
    private final String description;

    private RedisBackend(Optional<EmbeddedRedis> embedded, RedisConnector connector, AppOptions options,
                         String description) {
        this.embedded = embedded;
        this.connector = connector;
        this.store = RedisProfileStore.create(connector, options.phones());
        this.description = description;
    }

    /** How an embedded Redis is found or started. */
    public enum Embedded {
        /** Start one on the configured port (serve). */
        START,
        /** Start one; if the configured port is taken, use any free port (demo). */
        START_ANY_PORT,
        /** Use one a running serve/demo started on the configured port, else start one (CLI tools). */
        REUSE_OR_START
    }

    /**
     * Connects as configured.
     *
     * @throws com.callportrait.profile.ProfileException when Redis cannot be reached or started
     */
    public static RedisBackend open(AppOptions options, Embedded mode) {
        if (options.redis().isPresent()) {
            RedisOptions r = options.redis().get();
            return new RedisBackend(Optional.empty(), RedisConnector.connect(r), options, r.describe());
        }
        int port = options.embeddedRedisPort();
        if (mode == Embedded.REUSE_OR_START && port != 0 && !portFree(port)) {
            String uri = "redis://127.0.0.1:" + port;
            RedisConnector c = RedisConnector.connect(RedisOptions.of(uri).withCommandTimeout(EMBEDDED_TIMEOUT));
            log.info("using the embedded Redis already running at {}", uri);
            return new RedisBackend(Optional.empty(), c, options, uri + " (embedded, started by another process)");
        }
        EmbeddedRedis.Builder b = EmbeddedRedis.builder().dataDir(options.embeddedRedisDataDir());
        if (port == 0 || mode == Embedded.START_ANY_PORT && !portFree(port)) {
            if (port != 0) {
                log.warn("port {} is taken; the embedded Redis uses a free port instead", port);
            }
            b.freePort();
        } else {
            b.port(port);
        }
        EmbeddedRedis redis = b.build().start();
        try {
            RedisConnector c = RedisConnector.connect(redis.options().withCommandTimeout(EMBEDDED_TIMEOUT));
            return new RedisBackend(Optional.of(redis), c, options,
                    redis.uri() + " (embedded Redis 6.2 for trials, data in " + redis.dataDir().toAbsolutePath()
                            + "; production: an external Redis 7 in CP_REDIS_URI)");
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
    }

    private static boolean portFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public RedisProfileStore store() {
        return store;
    }

    public RedisConnector connector() {
        return connector;
    }

    /** Where Redis is, for start-up banners. */
    public String description() {
        return description;
    }

    /** The embedded server, if this backend started one. */
    public Optional<EmbeddedRedis> embedded() {
        return embedded;
    }

    @Override
    public void close() {
        store.close();
        connector.close();
        embedded.ifPresent(EmbeddedRedis::close);
    }
}
