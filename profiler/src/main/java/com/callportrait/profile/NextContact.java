package com.callportrait.profile;

import java.util.Objects;

/**
 * When the customer is likely to contact the centre again and about what, as the portrait engine's
 * next-contact model predicts it. Immutable and thread-safe.
 *
 * @param within7d     calibrated probability of a contact within 7 days, in [0, 1]
 * @param within30d    calibrated probability of a contact within 30 days, in [0, 1]
 * @param likelyReason the most likely topic of that contact (taxonomy name, e.g. {@code meter}), or
 *                     empty when not predicted
 * @param explanation  why, in words an agent reads (the inputs that pushed the prediction most)
 */
public record NextContact(double within7d, double within30d, String likelyReason, String explanation) {
    /** No prediction (a portrait the engine did not build, or no model yet; see {@link CustomerProfile#has}). */
    public static final NextContact NONE = new NextContact(0, 0, "", "");

    public NextContact {
        if (!(within7d >= 0 && within7d <= 1) || !(within30d >= 0 && within30d <= 1)) {
            throw new IllegalArgumentException("next-contact probabilities must be in [0, 1], were " + within7d
                    + " and " + within30d);
        }
        likelyReason = likelyReason == null ? "" : likelyReason;
        explanation = explanation == null ? "" : explanation;
    }

    /** Whether this holds a prediction. */
    public boolean predicted() {
        return !likelyReason.isEmpty() || within30d > 0;
    }

    /** The reason as an agent reads it: {@code meter_reading} → {@code meter reading}. */
    public String reasonInWords() {
        return likelyReason.replace('_', ' ');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NextContact n && Double.compare(n.within7d, within7d) == 0
                && Double.compare(n.within30d, within30d) == 0 && n.likelyReason.equals(likelyReason)
                && n.explanation.equals(explanation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(within7d, within30d, likelyReason, explanation);
    }
}
