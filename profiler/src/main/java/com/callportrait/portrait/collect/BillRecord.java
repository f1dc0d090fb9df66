package com.callportrait.portrait.collect;

import java.time.Instant;
import java.util.Objects;

/**
 * One bill (or order) of a customer. Immutable and thread-safe.
 *
 * @param billId     source id
 * @param customerId owner
 * @param issuedAt   when it was issued
 * @param dueAt      payment due date
 * @param paidAt     when it was paid, {@code null} while unpaid
 * @param amount     amount in the account currency
 */
public record BillRecord(String billId, String customerId, Instant issuedAt, Instant dueAt, Instant paidAt,
                         double amount) {
    public BillRecord {
        Objects.requireNonNull(billId, "billId");
        Objects.requireNonNull(customerId, "customerId");
    }

    /** Paid after the due date, or still unpaid after it as of {@code asOf}. */
    public boolean lateAsOf(Instant asOf) {
        if (dueAt == null) {
            return false;
        }
        return paidAt != null ? paidAt.isAfter(dueAt) : asOf.isAfter(dueAt);
    }
}
