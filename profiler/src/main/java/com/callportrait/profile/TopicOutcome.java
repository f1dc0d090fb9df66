package com.callportrait.profile;

import java.time.Instant;
import java.util.Objects;

/**
 * A past contact reduced to what an agent needs: what it was about and how it ended. Immutable and
 * thread-safe.
 *
 * @param topic   taxonomy topic, e.g. {@code billing}
 * @param outcome how it ended, e.g. {@code resolved}, {@code escalated}, {@code unresolved}
 * @param at      when the contact happened
 */
public record TopicOutcome(String topic, String outcome, Instant at) {
    public TopicOutcome {
        Objects.requireNonNull(topic, "topic");
        outcome = outcome == null ? "" : outcome;
        Objects.requireNonNull(at, "at");
    }
}
