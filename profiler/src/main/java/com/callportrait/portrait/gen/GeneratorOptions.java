package com.callportrait.portrait.gen;

import java.time.Instant;
import java.util.Objects;

/**
 * What to generate: a recipe given on the command line ({@code profile build --generate}) or in a
 * test, not a deployment setting, so no environment variable reads it. Immutable, thread-safe and
 * validated ({@link IllegalArgumentException} on a bad value).
 *
 * @param seed                 master seed; customer {@code i} depends only on (seed, i)
 * @param customers            number of customers, {@code >= 1}
 * @param callsScale           multiplier on every type's contact rate (1.0 gives about 10 contacts a
 *                             customer a year)
 * @param days                 length of the history, ending at {@code end}
 * @param end                  the end of the history ("now" of the data set)
 * @param dirtyShare           share of records deliberately damaged (duplicates, bad values) so the
 *                             cleaning stage has work; 0 for clean data
 */
public record GeneratorOptions(long seed, int customers, double callsScale, int days, Instant end,
                               double dirtyShare) {
    /** The default end of generated history: a fixed instant so runs are reproducible. */
    public static final Instant DEFAULT_END = Instant.parse("2026-11-01T00:00:00Z");
    /** The seed of the demo data set. */
    public static final long DEFAULT_SEED = 42L;
    /** Customers in the demo data set. */
    public static final int DEFAULT_CUSTOMERS = 2_000;
    /** Contact rates as modelled (about 15.7 contacts a customer-year, follow-ups included). */
    public static final double DEFAULT_CALLS_SCALE = 1.0;
    /** One year of history. */
    public static final int DEFAULT_DAYS = 365;
    /** Clean data unless asked for dirt. */
    public static final double DEFAULT_DIRTY_SHARE = 0.0;

    /** Contacts per customer-year at {@code callsScale} 1.0, measured (follow-ups included). */
    private static final double CONTACTS_PER_CUSTOMER_YEAR = 15.7;

    public GeneratorOptions {
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be >= 1, was " + customers);
        }
        if (!(callsScale > 0) || callsScale > 100) {
            throw new IllegalArgumentException("callsScale must be in (0, 100], was " + callsScale);
        }
        if (days < 30 || days > 3650) {
            throw new IllegalArgumentException("days must be in [30, 3650], was " + days);
        }
        Objects.requireNonNull(end, "end");
        if (!(dirtyShare >= 0 && dirtyShare <= 0.5)) {
            throw new IllegalArgumentException("dirtyShare must be in [0, 0.5], was " + dirtyShare);
        }
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code customers} customers with about {@code interactions} contacts in total over a year. */
    public static GeneratorOptions of(long seed, int customers, long interactions) {
        return builder().seed(seed).customers(customers).interactions(interactions).build();
    }

    public GeneratorOptions withDirtyShare(double share) {
        return new GeneratorOptions(seed, customers, callsScale, days, end, share);
    }

    /** Builds {@link GeneratorOptions}; every value not set keeps its default. Not thread-safe. */
    public static final class Builder {
        private long seed = DEFAULT_SEED;
        private int customers = DEFAULT_CUSTOMERS;
        private double callsScale = DEFAULT_CALLS_SCALE;
        private int days = DEFAULT_DAYS;
        private Instant end = DEFAULT_END;
        private double dirtyShare = DEFAULT_DIRTY_SHARE;

        private Builder() {
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder customers(int customers) {
            this.customers = customers;
            return this;
        }

        public Builder callsScale(double callsScale) {
            this.callsScale = callsScale;
            return this;
        }

        /**
         * About {@code interactions} contacts in total over a year for the customers set so far (sets
         * {@code callsScale}; call after {@link #customers}).
         */
        public Builder interactions(long interactions) {
            this.callsScale = (double) interactions / customers / CONTACTS_PER_CUSTOMER_YEAR;
            return this;
        }

        public Builder days(int days) {
            this.days = days;
            return this;
        }

        public Builder end(Instant end) {
            this.end = end;
            return this;
        }

        public Builder dirtyShare(double dirtyShare) {
            this.dirtyShare = dirtyShare;
            return this;
        }

        public GeneratorOptions build() {
            return new GeneratorOptions(seed, customers, callsScale, days, end, dirtyShare);
        }
    }
}
