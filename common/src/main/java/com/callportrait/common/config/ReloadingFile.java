package com.callportrait.common.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value loaded from an operator-edited file and reloaded when the file changes (the routing and
 * live rules). The file is polled (modification time and size) rather than watched with
 * file-system events: polling also works where those do not (editors that replace the file, config
 * maps, network mounts). A changed file is parsed and validated; only a valid edit replaces the
 * value. A broken edit, or a file that went missing, is logged, counted in {@link #rejected()} and
 * the last good value stays, so a typo never takes routing down. An invalid file at start-up,
 * though, throws: start-up must fail then.
 *
 * <p>Thread-safe: {@link #current()} is one volatile read. Lifecycle: {@link #fixed} or
 * {@link #load}, then optionally {@link #pollEvery} on the application's shared scheduler (a check
 * is a stat and, on change, one small parse: short work that never blocks it); {@link #close()}
 * cancels the polling.
 *
 * @param <T> the parsed value (immutable)
 */
public final class ReloadingFile<T> implements Supplier<T>, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReloadingFile.class);

    private final String what;
    private final Optional<Path> file;
    private final Function<Path, T> parser;
    private volatile T current;
    private volatile Instant loadedAt = Instant.now();
    private volatile String lastStamp;
    private final AtomicLong reloads = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile ScheduledFuture<?> polling;

    private ReloadingFile(String what, Optional<Path> file, Function<Path, T> parser, T initial, String stamp) {
        this.what = what;
        this.file = file;
        this.parser = parser;
        this.current = Objects.requireNonNull(initial, what);
        this.lastStamp = stamp;
    }

    /** A value that never changes (the bundled rules); {@link #origin()} is {@code bundled}. */
    public static <T> ReloadingFile<T> fixed(String what, T value) {
        return new ReloadingFile<>(what, Optional.empty(), p -> value, value, "");
    }

    /**
     * The value parsed from {@code file} now; checked again by {@link #checkNow()} and, after
     * {@link #pollEvery}, periodically.
     *
     * @param what   what the file holds, for log lines ("routing rules")
     * @param parser parses and validates the file; throws (any unchecked exception) when it is invalid
     * @throws RuntimeException whatever {@code parser} throws for an invalid file
     */
    public static <T> ReloadingFile<T> load(String what, Path file, Function<Path, T> parser) {
        String stamp = stamp(file);
        ReloadingFile<T> f = new ReloadingFile<>(what, Optional.of(file), parser, parser.apply(file), stamp);
        log.info("{} loaded from {}", what, file);
        return f;
    }

    /** Checks the file every {@code interval} on {@code scheduler} (no-op for a fixed value). */
    public ReloadingFile<T> pollEvery(Duration interval, ScheduledExecutorService scheduler) {
        if (file.isPresent()) {
            polling = scheduler.scheduleWithFixedDelay(this::checkQuietly, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
            log.info("watching {} for changes of the {} (every {} ms)", file.get(), what, interval.toMillis());
        }
        return this;
    }

    /** The value in force. */
    public T current() {
        return current;
    }

    @Override
    public T get() {
        return current;
    }

    /** Where the value comes from: the file, or {@code bundled}. */
    public String origin() {
        return file.map(Path::toString).orElse("bundled");
    }

    /** Successful reloads since start. */
    public long reloads() {
        return reloads.get();
    }

    /** Rejected edits (invalid or unreadable file) since start. */
    public long rejected() {
        return rejected.get();
    }

    /** Checks the file now (the poller calls this); true when a new value was taken. */
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
            current = Objects.requireNonNull(parser.apply(file.get()), what);
            loadedAt = Instant.now();
            reloads.incrementAndGet();
            log.info("{} reloaded from {}", what, file.get());
            return true;
        } catch (RuntimeException e) {
            rejected.incrementAndGet();
            log.warn("{} in {} NOT reloaded, keeping those loaded at {}: {}", what, file.get(), loadedAt,
                    e.getMessage());
            return false;
        }
    }

    /** A periodic task that throws is never run again: this one never throws. */
    private void checkQuietly() {
        try {
            checkNow();
        } catch (RuntimeException e) {
            log.error("checking {} for changes failed", what, e);
        }
    }

    private static String stamp(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis() + ":" + Files.size(file);
        } catch (IOException e) {
            return "missing";
        }
    }

    @Override
    public void close() {
        ScheduledFuture<?> p = polling;
        if (p != null) {
            p.cancel(false);
        }
    }
}
