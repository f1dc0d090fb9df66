package com.callportrait.bench.agi.load;

/**
 * The kinds of caller in the benchmark's mix, each with what routing must do with it. Immutable.
 */
public enum CallerKind {
    /** A stored customer whose tier makes them a VIP: their customer id must be set. */
    VIP,
    /** A stored customer without VIP treatment: their customer id must be set. */
    STANDARD,
    /** {@code unknown} or a well-formed number nobody owns: no customer id. */
    UNKNOWN,
    /** A caller id that is no phone number ({@code 55#12}, {@code +}, {@code 12}): no customer id. */
    MALFORMED
}
