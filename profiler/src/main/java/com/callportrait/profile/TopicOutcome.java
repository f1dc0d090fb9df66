package com.callportrait.profile;

import java.time.Instant;
import java.util.Objects;

/**
 * A past contact reduced to what an agent needs: what it was about, how it ended and, when the
 * agent wrote it down, how it was solved. Immutable and thread-safe.
 *
 * @param topic      taxonomy topic, e.g. {@code billing}
 * @param outcome    how it ended, e.g. {@code resolved}, {@code escalated}, {@code unresolved}
 * @param at         when the contact happened
 * @param resolution the agent's disposition note (redacted when it was written), or empty (older
 *                   JSON without it reads as empty)
 */
public record TopicOutcome(String topic, String outcome, Instant at, String resolution) {
    public TopicOutcome {
        Objects.requireNonNull(topic, "topic");
        outcome = outcome == null ? "" : outcome;
        Objects.requireNonNull(at, "at");
        resolution = resolution == null ? "" : resolution;
    }

    /** A contact without a note on how it was solved. */
    public TopicOutcome(String topic, String outcome, Instant at) {
        this(topic, outcome, at, "");
    }
}
