package com.callportrait.portrait.retrain;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import java.time.Duration;
import java.util.Objects;

/**
 * When and how the running server retrains its portrait models. Immutable and thread-safe; built at
 * start-up by {@link #from(Env)} (a bad value names its variable) or by {@link #builder()}, whose
 * defaults are the {@code DEFAULT_*} constants.
 *
 * @param enabled      {@code CP_RETRAIN} ({@code on}/{@code off}, default on)
 * @param interval     {@code CP_RETRAIN_INTERVAL}: retrain when this long has passed since the last
 *                     training and at least one new labelled record arrived (default 1d, at least 1m)
 * @param minNew       {@code CP_RETRAIN_MIN_NEW}: retrain as soon as this many new labelled records
 *                     (survey answers, agent dispositions, complaints) arrived, counted over every
 *                     instance (default 5,000)
 * @param maxCustomers {@code CP_RETRAIN_MAX_CUSTOMERS}: customers sampled for one training (every
 *                     n-th by id), so a training's time and memory stay bounded (default 40,000)
 * @param cpuShare     {@code CP_RETRAIN_CPU}: the share of one core the training thread may use on
 *                     average, in (0, 1] (default 0.25)
 * @param lease        {@code CP_RETRAIN_LEASE}: how long the training lease lives without renewal;
 *                     it is renewed every third of it while training (default 60s, at least 5s)
 * @param check        how often the scheduler looks whether a training is due and whether another
 *                     instance published new versions (default 5s; tests shorten it)
 */
public record RetrainOptions(boolean enabled, Duration interval, long minNew, int maxCustomers, double cpuShare,
                             Duration lease, Duration check) {
    public static final boolean DEFAULT_ENABLED = true;
    public static final Duration DEFAULT_INTERVAL = Duration.ofDays(1);
    public static final long DEFAULT_MIN_NEW = 5_000;
    public static final int DEFAULT_MAX_CUSTOMERS = 40_000;
    /**
     * A quarter of one core: under a 100,000-customer training, half a core raised the FastAGI p99
     * 1.6x, a quarter 1.02x (BENCHMARKS.md).
     */
    public static final double DEFAULT_CPU_SHARE = 0.25;
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);
    public static final Duration DEFAULT_CHECK = Duration.ofSeconds(5);
    /** The shortest interval: more often would retrain on nearly the same records. */
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
    public static final Duration MIN_LEASE = Duration.ofSeconds(5);

    public RetrainOptions {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(check, "check");
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new ConfigException("CP_RETRAIN_INTERVAL", "must be at least " + MIN_INTERVAL + ", got " + interval);
        }
        if (minNew < 1) {
            throw new ConfigException("CP_RETRAIN_MIN_NEW", "must be >= 1, got " + minNew);
        }
        if (maxCustomers < 100) {
            throw new ConfigException("CP_RETRAIN_MAX_CUSTOMERS", "must be >= 100, got " + maxCustomers);
        }
        if (!(cpuShare > 0 && cpuShare <= 1)) {
            throw new ConfigException("CP_RETRAIN_CPU", "must be in (0, 1], got " + cpuShare);
        }
        if (lease.compareTo(MIN_LEASE) < 0) {
            throw new ConfigException("CP_RETRAIN_LEASE", "must be at least " + MIN_LEASE + ", got " + lease);
        }
        if (check.isNegative() || check.isZero()) {
            throw new IllegalArgumentException("check must be > 0, got " + check);
        }
    }

    public static RetrainOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The settings from {@code env}; a bad value names its variable. */
    public static RetrainOptions from(Env env) {
        return builder()
                .enabled(env.bool("CP_RETRAIN", DEFAULT_ENABLED))
                .interval(env.duration("CP_RETRAIN_INTERVAL", DEFAULT_INTERVAL, MIN_INTERVAL))
                .minNew(env.longIn("CP_RETRAIN_MIN_NEW", DEFAULT_MIN_NEW, 1, Long.MAX_VALUE))
                .maxCustomers(env.intIn("CP_RETRAIN_MAX_CUSTOMERS", DEFAULT_MAX_CUSTOMERS, 100, Integer.MAX_VALUE))
                .cpuShare(env.doubleIn("CP_RETRAIN_CPU", DEFAULT_CPU_SHARE, 0.01, 1.0))
                .lease(env.duration("CP_RETRAIN_LEASE", DEFAULT_LEASE, MIN_LEASE))
                .build();
    }

    /** Builds {@link RetrainOptions}; unset values are the {@code DEFAULT_*} constants. Not thread-safe. */
    public static final class Builder {
        private boolean enabled = DEFAULT_ENABLED;
        private Duration interval = DEFAULT_INTERVAL;
        private long minNew = DEFAULT_MIN_NEW;
        private int maxCustomers = DEFAULT_MAX_CUSTOMERS;
        private double cpuShare = DEFAULT_CPU_SHARE;
        private Duration lease = DEFAULT_LEASE;
        private Duration check = DEFAULT_CHECK;

        private Builder() {
        }

        public Builder enabled(boolean v) {
            enabled = v;
            return this;
        }

        public Builder interval(Duration v) {
            interval = v;
            return this;
        }

        public Builder minNew(long v) {
            minNew = v;
            return this;
        }

        public Builder maxCustomers(int v) {
            maxCustomers = v;
            return this;
        }

        public Builder cpuShare(double v) {
            cpuShare = v;
            return this;
        }

        public Builder lease(Duration v) {
            lease = v;
            return this;
        }

        public Builder check(Duration v) {
            check = v;
            return this;
        }

        public RetrainOptions build() {
            return new RetrainOptions(enabled, interval, minNew, maxCustomers, cpuShare, lease, check);
        }
    }
}
