package com.callportrait.profile.redis;

import com.callportrait.common.config.Env;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.core.ExecutableProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A real {@code redis-server} (the binary shipped in {@code com.github.codemonstur:embedded-redis},
 * Redis 6.2, the newest that artifact ships) run as a child process on 127.0.0.1, used when
 * {@code CP_REDIS_URI} is unset: for trials, demos and tests; production runs an external Redis 7. Data lives
 * in {@code ./data/redis} by default with the append-only file on ({@code appendfsync everysec}), so
 * profiles survive a restart of the application.
 *
 * <p>If the JVM was killed with {@code kill -9}, its redis-server child keeps running and holds the
 * port and the data dir. {@link #start()} recognises such an orphan by the pid file in the data dir
 * (a redis-server process whose parent is gone) and stops it first, so a restart just works.
 *
 * <p>Environment ({@link #from(Env)}): {@code CP_REDIS_DATA_DIR} (default {@code CP_DATA_DIR/redis},
 * that is {@code ./data/redis}), {@code CP_REDIS_EMBEDDED_PORT} (default 6379; 0 picks a free port).
 *
 * <p>Lifecycle: {@link #builder()} … {@link Builder#build()} creates a stopped server;
 * {@link #start()} and {@link #stop()} may be called repeatedly (a restart keeps the data);
 * {@link #close()} stops it. Thread-safe (start/stop are synchronized).
 */
public final class EmbeddedRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);
    /** CallPortrait's local state ({@code CP_DATA_DIR}) unless set: {@code ./data}, the one default. */
    public static final Path DEFAULT_BASE_DIR = Env.DEFAULT_DATA_DIR;
    /** Where the embedded server keeps its AOF and RDB files unless set: {@code ./data/redis}. */
    public static final Path DEFAULT_DATA_DIR = DEFAULT_BASE_DIR.resolve("redis");
    /** The standard Redis port. */
    public static final int DEFAULT_PORT = 6379;

    private final Path dataDir;
    private final int port;
    private static final java.time.Duration READY_TIMEOUT = java.time.Duration.ofSeconds(30);
    private static final java.time.Duration STOP_TIMEOUT = java.time.Duration.ofSeconds(10);

    private Process process;

    private EmbeddedRedis(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder set from {@code CP_REDIS_DATA_DIR} (else {@code CP_DATA_DIR/redis}) and
     * {@code CP_REDIS_EMBEDDED_PORT}.
     *
     * @throws com.callportrait.common.config.ConfigException naming the variable when a value is invalid
     */
    public static Builder from(Env env) {
        Path base = env.dataDir();
        return builder()
                .dataDir(env.path("CP_REDIS_DATA_DIR", base.resolve("redis")))
                .port(env.port("CP_REDIS_EMBEDDED_PORT", DEFAULT_PORT));
    }

    /** Starts the server and waits until it accepts connections. Idempotent. */
    public synchronized EmbeddedRedis start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        try {
            Files.createDirectories(dataDir);
            stopOrphan();
            requireFreePort();
            // Started here rather than through the library's RedisServer: that one registers its own
            // JVM shutdown hook which kills redis-server at the first moment of shutdown, while our
            // graceful shutdown is still flushing events and interaction records into it.
            Path binary = ExecutableProvider.newJarResourceProvider().get().toPath();
            Path logFile = dataDir.resolve("redis.log");
            Files.deleteIfExists(logFile);
            process = new ProcessBuilder(List.of(binary.toString(),
                    "--port", Integer.toString(port),
                    "--bind", "127.0.0.1",
                    "--dir", dataDir.toAbsolutePath().toString(),
                    "--pidfile", pidFile().toAbsolutePath().toString(),
                    "--appendonly", "yes",
                    "--appendfsync", "everysec",
                    "--protected-mode", "yes",
                    "--save", "900 1",
                    "--daemonize", "no"))
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            awaitReady(logFile);
        } catch (IOException e) {
            stop();
            throw new RedisStoreException("cannot start embedded Redis on 127.0.0.1:" + port + " with data in "
                    + dataDir.toAbsolutePath() + ": " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""), e);
        }
        log.info("embedded Redis 6.2 listening on 127.0.0.1:{}, data in {}: for trials and demos only;"
                + " production uses an external Redis 7 (CP_REDIS_URI)", port, dataDir.toAbsolutePath().normalize());
        return this;
    }

    /** Waits for redis-server's own "Ready to accept connections" (after it has loaded the AOF). */
    private void awaitReady(Path logFile) throws IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String out = Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
            if (out.contains("Ready to accept connections")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IOException("redis-server exited with status " + process.exitValue() + ": " + lastLine(out));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for redis-server", e);
            }
        }
        throw new IOException("redis-server not ready after " + READY_TIMEOUT.toSeconds() + " s (log: " + logFile + ")");
    }

    private static String lastLine(String out) {
        String trimmed = out.strip();
        int nl = trimmed.lastIndexOf('\n');
        return nl < 0 ? trimmed : trimmed.substring(nl + 1);
    }

    /** Stops the server (Redis flushes the append-only file on the way out). Idempotent. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        try {
            process.destroy(); // SIGTERM: redis-server fsyncs the AOF and exits
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                log.warn("embedded Redis did not stop within {} s; killing it", STOP_TIMEOUT.toSeconds());
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            process = null;
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
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

    private void requireFreePort() {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new RedisStoreException("cannot start embedded Redis: 127.0.0.1:" + port + " is already in use (another Redis?)."
                    + " Set CP_REDIS_URI to use that server, or CP_REDIS_EMBEDDED_PORT to another port (0 = any free port)", e);
        }
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
