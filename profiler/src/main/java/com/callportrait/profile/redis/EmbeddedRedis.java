package com.callportrait.profile.redis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A real {@code redis-server} (the binary shipped in {@code com.github.codemonstur:embedded-redis},
 * Redis 6.2) run as a child process on 127.0.0.1, used when {@code CP_REDIS_URI} is unset. Data lives
 * in {@code ./data/redis} by default with the append-only file on ({@code appendfsync everysec}), so
 * profiles survive a restart of the application.
 *
 * <p>If the JVM was killed with {@code kill -9}, its redis-server child keeps running and holds the
 * port and the data dir. {@link #start()} recognises such an orphan by the pid file in the data dir
 * (a redis-server process whose parent is gone) and stops it first, so a restart just works.
 *
 * <p>Environment ({@link #fromEnv}): {@code CP_REDIS_DATA_DIR} (default {@code ./data/redis}),
 * {@code CP_REDIS_EMBEDDED_PORT} (default 6379; 0 picks a free port).
 *
 * <p>Lifecycle: {@link #builder()} … {@link Builder#build()} creates a stopped server;
 * {@link #start()} and {@link #stop()} may be called repeatedly (a restart keeps the data);
 * {@link #close()} stops it. Thread-safe (start/stop are synchronized).
 */
public final class EmbeddedRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);
    public static final Path DEFAULT_DATA_DIR = Path.of("data", "redis");
    public static final int DEFAULT_PORT = 6379;

    private final Path dataDir;
    private final int port;
    private RedisServer server;

    private EmbeddedRedis(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder set from {@code CP_REDIS_DATA_DIR} and {@code CP_REDIS_EMBEDDED_PORT}.
     *
     * @throws IllegalArgumentException naming the variable when a value is invalid
     */
    public static Builder fromEnv(Map<String, String> env) {
        Builder b = builder();
        Optional.ofNullable(env.get("CP_REDIS_DATA_DIR")).filter(s -> !s.isBlank()).map(s -> Path.of(s.trim())).ifPresent(b::dataDir);
        String port = env.get("CP_REDIS_EMBEDDED_PORT");
        if (port != null && !port.isBlank()) {
            try {
                b.port(Integer.parseInt(port.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("CP_REDIS_EMBEDDED_PORT must be a port number 0..65535, was '" + port + "'", e);
            }
        }
        return b;
    }

    /** Starts the server and waits until it accepts connections. Idempotent. */
    public synchronized EmbeddedRedis start() {
        if (server != null && server.isActive()) {
            return this;
        }
        try {
            Files.createDirectories(dataDir);
            stopOrphan();
            server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir \"" + dataDir.toAbsolutePath() + "\"")
                    .setting("pidfile \"" + pidFile().toAbsolutePath() + "\"")
                    .setting("appendonly yes")
                    .setting("appendfsync everysec")
                    .setting("protected-mode yes")
                    .setting("save 900 1")
                    .build();
            server.start();
        } catch (IOException e) {
            server = null;
            throw new RedisStoreException("cannot start embedded Redis on 127.0.0.1:" + port + " with data in "
                    + dataDir.toAbsolutePath() + ": " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""), e);
        }
        log.info("embedded Redis listening on 127.0.0.1:{}, data in {}", port, dataDir.toAbsolutePath());
        return this;
    }

    /** Stops the server (Redis flushes the append-only file on the way out). Idempotent. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("stopping embedded Redis failed", e);
        } finally {
            server = null;
        }
    }

    public synchronized boolean isRunning() {
        return server != null && server.isActive();
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Connection options for this server with every other value at its default. */
    public RedisOptions options() {
        return RedisOptions.of(uri());
    }

    @Override
    public void close() {
        stop();
    }

    private Path pidFile() {
        return dataDir.resolve("redis.pid");
    }

    private void stopOrphan() throws IOException {
        Path pidFile = pidFile();
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
        } catch (NumberFormatException e) {
            Files.deleteIfExists(pidFile);
            return;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        boolean orphanRedis = handle.isPresent() && handle.get().isAlive()
                && handle.get().info().command().map(c -> c.contains("redis-server")).orElse(false)
                && handle.get().parent().map(p -> p.pid() == 1 || !p.isAlive()).orElse(true);
        if (orphanRedis) {
            log.warn("stopping orphaned embedded Redis (pid {}) left by a killed process on data dir {}", pid, dataDir);
            handle.get().destroy();
            handle.get().onExit().completeOnTimeout(null, 10, java.util.concurrent.TimeUnit.SECONDS).join();
        }
        Files.deleteIfExists(pidFile);
    }

    /** Builds a stopped {@link EmbeddedRedis}. Not thread-safe. */
    public static final class Builder {
        private Path dataDir = DEFAULT_DATA_DIR;
        private int port = DEFAULT_PORT;

        private Builder() {
        }

        /** Where AOF and RDB files go (created if missing). Default {@code ./data/redis}. */
        public Builder dataDir(Path dir) {
            this.dataDir = Objects.requireNonNull(dir, "dataDir");
            return this;
        }

        /** TCP port on 127.0.0.1; 0 picks a free port when {@link #build()} runs. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** Same as {@code port(0)}: for tests running beside other servers. */
        public Builder freePort() {
            return port(0);
        }

        public EmbeddedRedis build() {
            return new EmbeddedRedis(dataDir, port == 0 ? freeLoopbackPort() : port);
        }

        private static int freeLoopbackPort() {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("no free loopback port", e);
            }
        }
    }
}
