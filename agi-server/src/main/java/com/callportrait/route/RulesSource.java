package com.callportrait.route;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing rules in force. With a file, it is polled for changes (modification time and size,
 * every {@code interval}; polling also works where file-system events do not, e.g. editors that
 * replace the file, config maps and network mounts); a changed file is loaded and validated, and
 * only valid rules replace the current ones; a broken edit is logged and the last good rules stay.
 *
 * <p>Lifecycle: create with {@link #bundled()} or {@link #watching}; {@link #close()} stops the
 * poller. {@link #current()} is lock-free and thread-safe.
 */
public final class RulesSource implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RulesSource.class);

    private final Optional<Path> file;
    private volatile RoutingRules current;
    private volatile Instant loadedAt = Instant.now();
    private volatile String lastStamp;
    private final AtomicLong reloads = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private ScheduledExecutorService poller;

    private RulesSource(Optional<Path> file, RoutingRules initial, String stamp) {
        this.file = file;
        this.current = initial;
        this.lastStamp = stamp;
    }

    /** The bundled rules, never reloaded. */
    public static RulesSource bundled() {
        return new RulesSource(Optional.empty(), RulesLoader.bundled(), "");
    }

    /**
     * Rules from {@code file}, checked for changes every {@code interval}.
     *
     * @throws RulesException when the file is invalid at start-up (start-up must fail then)
     */
    public static RulesSource watching(Path file, Duration interval) {
        String stamp = stamp(file);
        RulesSource s = new RulesSource(Optional.of(file), RulesLoader.load(file), stamp);
        s.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rules-watch");
            t.setDaemon(true);
            return t;
        });
        s.poller.scheduleWithFixedDelay(s::checkNow, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("routing rules loaded from {}; watching for changes", file);
        return s;
    }

    /** The rules in force. */
    public RoutingRules current() {
        return current;
    }

    /** Where the rules come from: the file or {@code bundled}. */
    public String origin() {
        return file.map(Path::toString).orElse("bundled");
    }

    /** Successful reloads since start. */
    public long reloads() {
        return reloads.get();
    }

    /** Rejected (invalid) edits since start. */
    public long rejected() {
        return rejected.get();
    }

    /** Checks the file now (the poller calls this); returns true when new rules were taken. */
    public boolean checkNow() {
        if (file.isEmpty()) {
            return false;
        }
        String stamp = stamp(file.get());
        if (Objects.equals(stamp, lastStamp)) {
            return false;
        }
        lastStamp = stamp;
        try {
            current = RulesLoader.load(file.get());
            loadedAt = Instant.now();
            reloads.incrementAndGet();
            log.info("routing rules reloaded from {}", file.get());
            return true;
        } catch (RuntimeException e) {
            rejected.incrementAndGet();
            log.warn("routing rules in {} NOT reloaded, keeping the rules loaded at {}: {}", file.get(), loadedAt,
                    e.getMessage());
            return false;
        }
    }

    private static String stamp(Path file) {
        try {
            FileTime t = Files.getLastModifiedTime(file);
            return t.toMillis() + ":" + Files.size(file);
        } catch (IOException e) {
            return "missing";
        }
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
