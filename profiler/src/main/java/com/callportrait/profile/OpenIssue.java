package com.callportrait.profile;

import java.time.Instant;
import java.util.Objects;

/**
 * An unresolved complaint or ticket of the customer. Immutable and thread-safe.
 *
 * @param id       source id (complaint or ticket number)
 * @param topic    taxonomy topic
 * @param summary  one line, already free of personal data
 * @param openedAt when it was opened
 */
public record OpenIssue(String id, String topic, String summary, Instant openedAt) {
    public OpenIssue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        summary = summary == null ? "" : summary;
        Objects.requireNonNull(openedAt, "openedAt");
    }
}
