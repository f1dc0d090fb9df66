package com.callportrait.portrait.features;

/**
 * A bill reduced to what features use. Immutable.
 *
 * @param idHash hash of the bill id
 * @param issued epoch seconds
 * @param due    epoch seconds
 * @param paid   epoch seconds, {@code -1} while unpaid
 * @param amount amount
 */
public record BillFact(long idHash, long issued, long due, long paid, double amount) {
    /** Paid after the due date, or unpaid past it, as of {@code asOf}. */
    public boolean lateAsOf(long asOf) {
        if (paid >= 0 && paid <= asOf) {
            return paid > due;
        }
        return asOf > due;
    }
}
