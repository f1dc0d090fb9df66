package com.callportrait.portrait.collect;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer as a CRM export describes it. Fields other than the id may be missing ({@code null})
 * in raw input; the cleaning stage fills or rejects them. Immutable and thread-safe.
 *
 * @param customerId    CRM id, never blank
 * @param name          display name
 * @param phone         contact number as exported (normalised by cleaning)
 * @param tier          tier name as exported ({@code gold}, {@code Gold}, ...)
 * @param language      IETF language tag
 * @param joinedAt      start of the relationship
 * @param lifetimeValue money spent so far, {@code null} when unknown
 * @param closedAt      when the account was closed or switched away (the CRM's {@code closed_at};
 *                      a port-out to another provider closes the account too), {@code null} while
 *                      the account is open: the churn label
 */
public record CustomerRecord(String customerId, String name, String phone, String tier, String language,
                             Instant joinedAt, Double lifetimeValue, Instant closedAt) {
    public CustomerRecord {
        Objects.requireNonNull(customerId, "customerId");
        if (customerId.isBlank()) {
            throw new IllegalArgumentException("customerId must not be blank");
        }
    }

    /** An open account (no {@code closed_at}). */
    public CustomerRecord(String customerId, String name, String phone, String tier, String language,
                          Instant joinedAt, Double lifetimeValue) {
        this(customerId, name, phone, tier, language, joinedAt, lifetimeValue, null);
    }

    public CustomerRecord withPhone(String p) {
        return new CustomerRecord(customerId, name, p, tier, language, joinedAt, lifetimeValue, closedAt);
    }
}
