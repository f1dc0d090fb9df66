package com.callportrait.bench.agi.load;

import java.util.Objects;

/**
 * One caller of the mix: the caller id Asterisk presents and the {@code CP_CUSTOMER_ID} routing
 * must set for it ({@code ""} for callers without a profile). Immutable.
 *
 * @param kind       which part of the mix
 * @param callerId   {@code agi_callerid} as sent
 * @param customerId expected {@code CP_CUSTOMER_ID}
 */
public record MixEntry(CallerKind kind, String callerId, String customerId) {

    public MixEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(customerId, "customerId");
        if (callerId.isEmpty() || callerId.indexOf('\t') >= 0 || callerId.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("caller id must be one non-empty line without tabs: " + callerId);
        }
    }

    /** {@code kind TAB callerId TAB customerId}. */
    public String line() {
        return kind + "\t" + callerId + "\t" + customerId;
    }

    /** Parses {@link #line()}. */
    public static MixEntry parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 3) {
            throw new IllegalArgumentException("mix line needs 3 tab-separated fields: " + line);
        }
        return new MixEntry(CallerKind.valueOf(f[0]), f[1], f[2]);
    }
}
