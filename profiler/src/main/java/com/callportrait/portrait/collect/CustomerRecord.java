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
 */
public record CustomerRecord(String customerId, String name, String phone, String tier, String language,
                             Instant joinedAt, Double lifetimeValue) {
    public CustomerRecord {
        Objects.requireNonNull(customerId, "customerId");
        if (customerId.isBlank()) {
            throw new IllegalArgumentException("customerId must not be blank");
        }
    }

    public CustomerRecord withPhone(String p) {
        return new CustomerRecord(customerId, name, p, tier, language, joinedAt, lifetimeValue);
    }
}
