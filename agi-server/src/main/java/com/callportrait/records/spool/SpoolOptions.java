package com.callportrait.records.spool;

import com.callportrait.common.config.ConfigException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of the interaction-record spool, from the environment, validated at start-up.
 *
 * @param dir      {@code CP_SPOOL_DIR}: the journal's directory (default
 *                 {@code CP_DATA_DIR/spool/interactions})
 * @param maxBytes {@code CP_SPOOL_MAX_BYTES}: records accepted but not yet acknowledged by Redis may
 *                 take this much disk (default 1 GiB, about 500,000 records); beyond it new records
 *                 are refused, counted ({@code cp_spool_rejected_total}) and logged
 * @param dedupTtl {@code CP_SPOOL_DEDUP_TTL_S}: how long Redis remembers an appended record id
 *                 (default 7 days). A spooled record replayed later than this after its first
 *                 append (a host that stays down longer than this with records in flight) could
 *                 be stored twice.
 * @param ackDelay {@code CP_SPOOL_ACK_DELAY_MS}: how long a record stays in the spool after Redis
 *                 took it (default 2000 ms), because Redis with {@code appendfsync everysec}
 *                 acknowledges before its append-only file is on disk; a crash of redis-server
 *                 within that time is covered by a replay. 0 with {@code appendfsync always}.
 */
public record SpoolOptions(Path dir, long maxBytes, Duration dedupTtl, Duration ackDelay) {
    public static final long DEFAULT_MAX_BYTES = 1L << 30;
    public static final Duration DEFAULT_DEDUP_TTL = Duration.ofDays(7);
    public static final Duration DEFAULT_ACK_DELAY = Duration.ofSeconds(2);

    public SpoolOptions {
        if (dir == null || maxBytes < 64 * 1024 || dedupTtl == null || dedupTtl.toSeconds() < 60
                || ackDelay == null || ackDelay.isNegative() || ackDelay.toSeconds() > 60) {
            throw new ConfigException("invalid spool options: dir=" + dir + " maxBytes=" + maxBytes
                    + " dedupTtl=" + dedupTtl + " ackDelay=" + ackDelay);
        }
    }

    /** With the default {@link #DEFAULT_ACK_DELAY}. */
    public SpoolOptions(Path dir, long maxBytes, Duration dedupTtl) {
        this(dir, maxBytes, dedupTtl, DEFAULT_ACK_DELAY);
    }

    /** Defaults under {@code dataDir} ({@code CP_DATA_DIR}). */
    public static SpoolOptions under(Path dataDir) {
        return new SpoolOptions(dataDir.resolve("spool").resolve("interactions"), DEFAULT_MAX_BYTES,
                DEFAULT_DEDUP_TTL);
    }

    public static SpoolOptions fromEnvironment(Path dataDir) {
        return fromEnv(System.getenv(), dataDir);
    }

    public static SpoolOptions fromEnv(Map<String, String> env, Path dataDir) {
        Path dir = get(env, "CP_SPOOL_DIR").map(v -> {
            try {
                return Path.of(v);
            } catch (InvalidPathException e) {
                throw new ConfigException("CP_SPOOL_DIR is not a valid path: '" + v + "'");
            }
        }).orElse(under(dataDir).dir());
        long ackDelayMs = number(env, "CP_SPOOL_ACK_DELAY_MS", DEFAULT_ACK_DELAY.toMillis(), 0);
        if (ackDelayMs > 60_000) {
            throw new ConfigException("CP_SPOOL_ACK_DELAY_MS must be <= 60000, got " + ackDelayMs);
        }
        return new SpoolOptions(dir, number(env, "CP_SPOOL_MAX_BYTES", DEFAULT_MAX_BYTES, 64 * 1024),
                Duration.ofSeconds(number(env, "CP_SPOOL_DEDUP_TTL_S", DEFAULT_DEDUP_TTL.toSeconds(), 60)),
                Duration.ofMillis(ackDelayMs));
    }

    private static Optional<String> get(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private static long number(Map<String, String> env, String name, long def, long min) {
        Optional<String> v = get(env, name);
        if (v.isEmpty()) {
            return def;
        }
        long n;
        try {
            n = Long.parseLong(v.get());
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number >= " + min + ", got '" + v.get() + "'");
        }
        if (n < min) {
            throw new ConfigException(name + " must be >= " + min + ", got " + n);
        }
        return n;
    }
}
