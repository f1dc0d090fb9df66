package com.callportrait.live;

import com.callportrait.route.RulesException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live rules in force, loaded like the routing rules: YAML with snake_case keys, unknown keys
 * are errors, the file ({@code CP_LIVE_RULES}) is polled for changes and only a valid edit
 * replaces the rules; a broken edit is logged and the last good rules stay. {@link #current()}
 * is lock-free; {@link #close()} stops the poller.
 */
public final class LiveRulesSource implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveRulesSource.class);
    public static final String BUNDLED = "/live-rules.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Optional<Path> file;
    private volatile LiveRules current;
    private volatile String stamp;
    private ScheduledExecutorService poller;

    private LiveRulesSource(Optional<Path> file, LiveRules rules) {
        this.file = file;
        this.current = rules;
        this.stamp = file.map(LiveRulesSource::stamp).orElse("");
    }

    public static LiveRulesSource bundled() {
        try (InputStream in = LiveRulesSource.class.getResourceAsStream(BUNDLED)) {
            return new LiveRulesSource(Optional.empty(), parse(in.readAllBytes(), "bundled " + BUNDLED));
        } catch (IOException | NullPointerException e) {
            throw new RulesException("cannot read bundled live rules " + BUNDLED + ": " + e);
        }
    }

    /** Rules from {@code file}, re-checked every {@code interval}; an invalid file fails start-up. */
    public static LiveRulesSource watching(Path file, Duration interval) {
        LiveRulesSource s = new LiveRulesSource(Optional.of(file), load(file));
        s.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "live-rules-watch");
            t.setDaemon(true);
            return t;
        });
        s.poller.scheduleWithFixedDelay(s::checkNow, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return s;
    }

    public LiveRules current() {
        return current;
    }

    /** Reloads when the file changed; true when new rules were taken. */
    public boolean checkNow() {
        if (file.isEmpty()) {
            return false;
        }
        String now = stamp(file.get());
        if (now.equals(stamp)) {
            return false;
        }
        stamp = now;
        try {
            current = load(file.get());
            log.info("live rules reloaded from {}", file.get());
            return true;
        } catch (RuntimeException e) {
            log.warn("live rules in {} NOT reloaded, the previous rules stay: {}", file.get(), e.getMessage());
            return false;
        }
    }

    static LiveRules load(Path file) {
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new RulesException("cannot read live rules " + file + ": " + e.getMessage(), e);
        }
    }

    static LiveRules parse(byte[] yaml, String origin) {
        try {
            LiveRules r = YAML.readValue(yaml, LiveRules.class);
            if (r == null) {
                throw new RulesException("live rules " + origin + " are empty");
            }
            return r;
        } catch (IOException e) {
            Throwable c = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new RulesException("invalid live rules " + origin + ": " + c.getMessage(), e);
        }
    }

    private static String stamp(Path f) {
        try {
            return Files.getLastModifiedTime(f).toMillis() + ":" + Files.size(f);
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
