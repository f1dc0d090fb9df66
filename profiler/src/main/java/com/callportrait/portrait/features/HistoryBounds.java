package com.callportrait.portrait.features;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;

/**
 * How much one {@link CustomerHistory} keeps, wherever it lives (in memory or in Redis): the newest
 * contacts, bills, complaints and tickets up to a count, none older than {@link #maxAgeDays()}
 * before the newest of its kind, and the ids of the last records applied (so a record delivered
 * again is not applied twice). Both limits depend only on the facts kept, never on the clock or on
 * the order records arrive in, which is what keeps an incremental update equal to a full rebuild.
 * Immutable and thread-safe; built by {@link #from(Env)}, {@link #builder()} or {@link #DEFAULT}.
 *
 * @param maxContacts   newest contacts kept ({@code CP_HISTORY_MAX_CONTACTS}, default 200)
 * @param maxBills      newest bills kept ({@code CP_HISTORY_MAX_BILLS}, default 24)
 * @param maxCases      newest complaints, and separately newest tickets, kept ({@code CP_HISTORY_MAX_CASES}, default 50)
 * @param maxAgeDays    contacts, bills and closed cases older than this many days before the newest
 *                      of their kind are dropped; an open case is kept whatever its age
 *                      ({@code CP_HISTORY_MAX_AGE_DAYS}, default 730)
 * @param recentRecords ids of the last records applied that a history remembers
 *                      ({@code CP_HISTORY_RECENT_RECORDS}, default 16)
 */
public record HistoryBounds(int maxContacts, int maxBills, int maxCases, int maxAgeDays, int recentRecords) {
    public static final int DEFAULT_MAX_CONTACTS = 200;
    public static final int DEFAULT_MAX_BILLS = 24;
    public static final int DEFAULT_MAX_CASES = 50;
    /** Two years: longer than every feature window (the longest is a year) and the risk horizon. */
    public static final int DEFAULT_MAX_AGE_DAYS = 730;
    /**
     * Enough to cover a consumer re-reading a pending batch; older repeats are still caught by the
     * contact's own id, and feedback merged again sets the same values.
     */
    public static final int DEFAULT_RECENT_RECORDS = 16;
    /** The bounds with every default. */
    public static final HistoryBounds DEFAULT = new HistoryBounds(DEFAULT_MAX_CONTACTS, DEFAULT_MAX_BILLS,
            DEFAULT_MAX_CASES, DEFAULT_MAX_AGE_DAYS, DEFAULT_RECENT_RECORDS);

    public HistoryBounds {
        check("CP_HISTORY_MAX_CONTACTS", maxContacts, 1, 10_000);
        check("CP_HISTORY_MAX_BILLS", maxBills, 1, 1_000);
        check("CP_HISTORY_MAX_CASES", maxCases, 1, 1_000);
        check("CP_HISTORY_MAX_AGE_DAYS", maxAgeDays, 30, 36_500);
        check("CP_HISTORY_RECENT_RECORDS", recentRecords, 0, 1_000);
    }

    private static void check(String name, int v, int min, int max) {
        if (v < min || v > max) {
            throw new ConfigException(name, "must be in [" + min + ", " + max + "], got " + v);
        }
    }

    /** The bounds from {@code CP_HISTORY_*}; a bad value names its variable. */
    public static HistoryBounds from(Env env) {
        return builder()
                .maxContacts(env.intIn("CP_HISTORY_MAX_CONTACTS", DEFAULT_MAX_CONTACTS, 1, 10_000))
                .maxBills(env.intIn("CP_HISTORY_MAX_BILLS", DEFAULT_MAX_BILLS, 1, 1_000))
                .maxCases(env.intIn("CP_HISTORY_MAX_CASES", DEFAULT_MAX_CASES, 1, 1_000))
                .maxAgeDays(env.intIn("CP_HISTORY_MAX_AGE_DAYS", DEFAULT_MAX_AGE_DAYS, 30, 36_500))
                .recentRecords(env.intIn("CP_HISTORY_RECENT_RECORDS", DEFAULT_RECENT_RECORDS, 0, 1_000))
                .build();
    }

    /** The age limit in seconds. */
    public long maxAgeSeconds() {
        return maxAgeDays * 86_400L;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link HistoryBounds}; unset values are the {@code DEFAULT_*} constants. Not thread-safe. */
    public static final class Builder {
        private int maxContacts = DEFAULT_MAX_CONTACTS;
        private int maxBills = DEFAULT_MAX_BILLS;
        private int maxCases = DEFAULT_MAX_CASES;
        private int maxAgeDays = DEFAULT_MAX_AGE_DAYS;
        private int recentRecords = DEFAULT_RECENT_RECORDS;

        private Builder() {
        }

        public Builder maxContacts(int v) {
            maxContacts = v;
            return this;
        }

        public Builder maxBills(int v) {
            maxBills = v;
            return this;
        }

        public Builder maxCases(int v) {
            maxCases = v;
            return this;
        }

        public Builder maxAgeDays(int v) {
            maxAgeDays = v;
            return this;
        }

        public Builder recentRecords(int v) {
            recentRecords = v;
            return this;
        }

        public HistoryBounds build() {
            return new HistoryBounds(maxContacts, maxBills, maxCases, maxAgeDays, recentRecords);
        }
    }
}
