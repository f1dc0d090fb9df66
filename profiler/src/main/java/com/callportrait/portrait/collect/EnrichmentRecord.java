package com.callportrait.portrait.collect;

import java.util.Map;
import java.util.Objects;

/**
 * Attributes a third party knows about a customer (e.g. {@code business=true},
 * {@code household=4}). Immutable and thread-safe.
 *
 * @param customerId owner
 * @param attributes name to value, copied
 */
public record EnrichmentRecord(String customerId, Map<String, String> attributes) {
    public EnrichmentRecord {
        Objects.requireNonNull(customerId, "customerId");
        attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes"));
    }
}
