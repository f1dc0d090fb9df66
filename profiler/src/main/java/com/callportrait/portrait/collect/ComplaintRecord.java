package com.callportrait.portrait.collect;

import java.time.Instant;
import java.util.Objects;

/**
 * A formal complaint. Immutable and thread-safe.
 *
 * @param complaintId source id
 * @param customerId  owner
 * @param openedAt    when it was filed
 * @param topic       taxonomy topic the complaint is about
 * @param summary     one line, free of personal data
 * @param resolvedAt  when it was closed, {@code null} while open
 */
public record ComplaintRecord(String complaintId, String customerId, Instant openedAt, String topic, String summary,
                              Instant resolvedAt) {
    public ComplaintRecord {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(customerId, "customerId");
    }
}
