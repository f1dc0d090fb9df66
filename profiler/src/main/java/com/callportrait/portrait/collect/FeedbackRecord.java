package com.callportrait.portrait.collect;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Feedback that arrives after a contact was recorded — the caller's post-call survey score or the
 * agent's disposition — linked to that contact by its source id. Merging it into the history sets
 * the contact's survey and/or outcome; merging the same feedback twice changes nothing. Immutable
 * and thread-safe.
 *
 * @param interactionId source id of the contact (the call's CP_UUID)
 * @param customerId    CRM id when known, else {@code null} (resolved from the phone)
 * @param phone         caller number as seen, or {@code null}
 * @param survey        survey score 1-5, or {@code null}
 * @param outcome       {@code resolved}, {@code unresolved}, {@code escalated}, {@code transferred},
 *                      {@code abandoned}, or {@code null}
 * @param at            when the feedback was given
 * @param note          how the agent solved it (the disposition note, already redacted), or {@code null}
 */
public record FeedbackRecord(String interactionId, String customerId, String phone, Integer survey, String outcome,
                             Instant at, String note) {
    /** The outcomes the engine knows (the cleaner's vocabulary). */
    public static final Set<String> OUTCOMES = Set.of("resolved", "unresolved", "escalated", "transferred",
            "abandoned");

    public FeedbackRecord {
        Objects.requireNonNull(interactionId, "interactionId");
        Objects.requireNonNull(at, "at");
        if (interactionId.isBlank()) {
            throw new IllegalArgumentException("interactionId must not be blank");
        }
        if (survey == null && outcome == null) {
            throw new IllegalArgumentException("feedback needs a survey score or an outcome");
        }
        if (survey != null && (survey < 1 || survey > 5)) {
            throw new IllegalArgumentException("survey must be 1-5, was " + survey);
        }
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            throw new IllegalArgumentException("unknown outcome " + outcome);
        }
        note = note == null || note.isBlank() ? null : note;
    }

    /** Feedback without a note (a survey score, or a disposition without one). */
    public FeedbackRecord(String interactionId, String customerId, String phone, Integer survey, String outcome,
                          Instant at) {
        this(interactionId, customerId, phone, survey, outcome, at, null);
    }
}
