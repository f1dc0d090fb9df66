package com.callportrait.records;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the portrait's freshness path. Immutable and thread-safe; built at start-up by
 * {@link #from(Env)} and validated then, or by {@link #builder()} (tests, demo), whose defaults are
 * the {@code DEFAULT_*} constants.
 *
 * @param enabled    {@code CP_FRESH} ({@code on}/{@code off}, default on)
 * @param data       {@code CP_FRESH_DATA}: a directory in the {@code profile build --data} layout the
 *                   process loads its customer histories from at start, or empty
 * @param generate   {@code CP_FRESH_GENERATE}, for {@code demo} only: when there is neither a data
 *                   directory nor a current model in the registry, how many generated demo
 *                   customers the demo trains its models on at start (default 2,000; 0 = none).
 *                   {@code serve} always runs with 0: it never generates customers, and without
 *                   models its portraits carry their rule-based parts and say which learned parts
 *                   are not available yet
 * @param partitions {@code CP_INTERACTION_PARTITIONS}: stream partitions (default 1; must match
 *                   {@code profile build --partitions})
 * @param consumer   {@code CP_FRESH_CONSUMER}: this process's consumer name in group
 *                   {@value #GROUP} (default {@code live}); keep it stable so a restart re-reads its
 *                   unacknowledged entries
 * @param retention  {@code CP_INTERACTIONS_RETENTION}: how long the interaction streams keep a record
 *                   (default 60 days, at least 1 day). The histories in Redis keep what portraits
 *                   need; the streams carry records to the consumers and give the insight refresh
 *                   its live records (agent groups look back 8 weeks, the forecast 5). Older entries
 *                   are trimmed every hour, never one the live consumers have not acknowledged
 */
public record FreshOptions(boolean enabled, Optional<Path> data, int generate, int partitions, String consumer,
                           Duration retention) {
    /** The consumer group of the live path (the batch build uses its own, {@code portrait-build}). */
    public static final String GROUP = "portrait-live";
    /** Portraits are kept fresh unless switched off. */
    public static final boolean DEFAULT_ENABLED = true;
    /** Generated demo customers to train on when there is no data and no model. */
    public static final int DEFAULT_GENERATE = 2_000;
    /** One interaction stream. */
    public static final int DEFAULT_PARTITIONS = 1;
    /** The largest number of interaction stream partitions. */
    public static final int MAX_PARTITIONS = 1024;
    /** This process's consumer name. */
    public static final String DEFAULT_CONSUMER = "live";
    /** How long the interaction streams keep a record. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(60);
    /** The shortest retention. */
    public static final Duration MIN_RETENTION = Duration.ofDays(1);

    public FreshOptions {
        Objects.requireNonNull(data, "data");
        if (generate < 0) {
            throw new ConfigException("CP_FRESH_GENERATE", "must be >= 0, got " + generate);
        }
        if (partitions < 1 || partitions > MAX_PARTITIONS) {
            throw new ConfigException("CP_INTERACTION_PARTITIONS", "must be in [1, " + MAX_PARTITIONS + "], got "
                    + partitions);
        }
        if (consumer == null || consumer.isBlank()) {
            throw new ConfigException("CP_FRESH_CONSUMER", "must not be empty");
        }
        Objects.requireNonNull(retention, "retention");
        if (retention.compareTo(MIN_RETENTION) < 0) {
            throw new ConfigException("CP_INTERACTIONS_RETENTION", "must be at least 1 day, got " + retention);
        }
        data.ifPresent(d -> {
            if (!Files.isDirectory(d)) {
                throw new ConfigException("CP_FRESH_DATA is not a directory: " + d);
            }
        });
    }

    /** The defaults: on, no data directory, 2,000 generated customers, one partition, consumer {@code live}, 60 days of records. */
    public static FreshOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The settings from {@code env}; a bad value names its variable. */
    public static FreshOptions from(Env env) {
        return builder()
                .enabled(env.bool("CP_FRESH", DEFAULT_ENABLED))
                .data(env.path("CP_FRESH_DATA"))
                .generate(env.intIn("CP_FRESH_GENERATE", DEFAULT_GENERATE, 0, Integer.MAX_VALUE))
                .partitions(env.intIn("CP_INTERACTION_PARTITIONS", DEFAULT_PARTITIONS, 1, MAX_PARTITIONS))
                .consumer(env.string("CP_FRESH_CONSUMER", DEFAULT_CONSUMER))
                .retention(env.duration("CP_INTERACTIONS_RETENTION", DEFAULT_RETENTION, MIN_RETENTION))
                .build();
    }


    /** Same settings with {@code n} generated customers (demo; serve sets 0). */
    public FreshOptions withGenerate(int n) {
        return new FreshOptions(enabled, data, n, partitions, consumer, retention);
    }

    /** Builds {@link FreshOptions}; unset values are the {@code DEFAULT_*} constants. Not thread-safe. */
    public static final class Builder {
        private boolean enabled = DEFAULT_ENABLED;
        private Optional<Path> data = Optional.empty();
        private int generate = DEFAULT_GENERATE;
        private int partitions = DEFAULT_PARTITIONS;
        private String consumer = DEFAULT_CONSUMER;
        private Duration retention = DEFAULT_RETENTION;

        private Builder() {
        }

        public Builder enabled(boolean v) {
            enabled = v;
            return this;
        }

        public Builder data(Optional<Path> v) {
            data = v;
            return this;
        }

        public Builder generate(int v) {
            generate = v;
            return this;
        }

        public Builder partitions(int v) {
            partitions = v;
            return this;
        }

        public Builder consumer(String v) {
            consumer = v;
            return this;
        }

        public Builder retention(Duration v) {
            retention = v;
            return this;
        }

        public FreshOptions build() {
            return new FreshOptions(enabled, data, generate, partitions, consumer, retention);
        }
    }
}
