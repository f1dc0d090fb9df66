package com.callportrait.records.spool;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the interaction-record spool. Immutable and thread-safe; built at start-up by
 * {@link #from(Env)} and validated then, or by {@link #builder()} / {@link #under(Path)} (tests,
 * benchmarks), whose defaults are the {@code DEFAULT_*} constants.
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
    /** The smallest spool accepted. */
    public static final long MIN_MAX_BYTES = 64 * 1024;
    /** The spool's directory below the data directory. */
    public static final Path DIR_UNDER_DATA_DIR = Path.of("spool", "interactions");

    public SpoolOptions {
        if (dir == null || maxBytes < MIN_MAX_BYTES || dedupTtl == null || dedupTtl.toSeconds() < 60
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
        return builder().dir(dataDir.resolve(DIR_UNDER_DATA_DIR)).build();
    }

    /** A builder starting from the defaults, the directory under {@link Env#DEFAULT_DATA_DIR}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The settings from {@code env}, the directory under {@link Env#dataDir()} by default; a bad value names its variable. */
    public static SpoolOptions from(Env env) {
        return builder()
                .dir(env.path("CP_SPOOL_DIR", env.dataDir().resolve(DIR_UNDER_DATA_DIR)))
                .maxBytes(env.longIn("CP_SPOOL_MAX_BYTES", DEFAULT_MAX_BYTES, MIN_MAX_BYTES, 1L << 50))
                .dedupTtl(env.seconds("CP_SPOOL_DEDUP_TTL_S", DEFAULT_DEDUP_TTL, 60, Integer.MAX_VALUE))
                .ackDelay(env.millis("CP_SPOOL_ACK_DELAY_MS", DEFAULT_ACK_DELAY, 0, 60_000))
                .build();
    }


    /** Builds {@link SpoolOptions}; unset values are the {@code DEFAULT_*} constants. Not thread-safe. */
    public static final class Builder {
        private Path dir = Env.DEFAULT_DATA_DIR.resolve(DIR_UNDER_DATA_DIR);
        private long maxBytes = DEFAULT_MAX_BYTES;
        private Duration dedupTtl = DEFAULT_DEDUP_TTL;
        private Duration ackDelay = DEFAULT_ACK_DELAY;

        private Builder() {
        }

        public Builder dir(Path v) {
            dir = v;
            return this;
        }

        public Builder maxBytes(long v) {
            maxBytes = v;
            return this;
        }

        public Builder dedupTtl(Duration v) {
            dedupTtl = v;
            return this;
        }

        public Builder ackDelay(Duration v) {
            ackDelay = v;
            return this;
        }

        public SpoolOptions build() {
            return new SpoolOptions(dir, maxBytes, dedupTtl, ackDelay);
        }
    }
}
