package com.callportrait.portrait.features;

import java.util.Objects;

/**
 * A complaint or ticket reduced to what features and the agent need. Immutable.
 *
 * @param id      source id
 * @param opened  epoch seconds
 * @param closed  epoch seconds, {@code -1} while open
 * @param topic   taxonomy topic
 * @param summary one line
 */
public record CaseFact(String id, long opened, long closed, String topic, String summary) {
    public CaseFact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        summary = summary == null ? "" : summary;
    }

    public boolean openAsOf(long asOf) {
        return opened <= asOf && (closed < 0 || closed > asOf);
    }
}
