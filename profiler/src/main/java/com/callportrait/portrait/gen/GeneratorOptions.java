package com.callportrait.portrait.gen;

import java.time.Instant;
import java.util.Objects;

/**
 * What to generate. Immutable and validated.
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

    /** {@code customers} customers with about {@code interactions} contacts in total over a year. */
    public static GeneratorOptions of(long seed, int customers, long interactions) {
        double perCustomer = (double) interactions / customers;
        // measured: callsScale 1.0 gives about 15.7 contacts per customer-year (follow-ups included)
        return new GeneratorOptions(seed, customers, perCustomer / 15.7, 365, DEFAULT_END, 0.0);
    }

    public GeneratorOptions withDirtyShare(double share) {
        return new GeneratorOptions(seed, customers, callsScale, days, end, share);
    }
}
