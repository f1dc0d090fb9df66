package com.callportrait.speech.emotion;

import java.util.Objects;

/**
 * Emotion of one utterance. Immutable and thread-safe.
 *
 * @param label      the mood
 * @param valence    unpleasant (-1) to pleasant (+1)
 * @param arousal    calm (0) to agitated (1)
 * @param confidence how sure the scorer is of {@code label}, in [0, 1]
 * @param escalation probability, in [0, 1], that the caller is escalating in this utterance: asks
 *                   for a supervisor or manager, threatens to cancel or switch, to complain
 *                   formally, or to go to a regulator, a lawyer or the press
 */
public record EmotionReading(EmotionLabel label, double valence, double arousal, double confidence,
        double escalation) {

    /** A reading that carries no escalation evidence ({@code escalation = 0}). */
    public EmotionReading(EmotionLabel label, double valence, double arousal, double confidence) {
        this(label, valence, arousal, confidence, 0.0);
    }

    public EmotionReading {
        Objects.requireNonNull(label, "label");
        if (!(valence >= -1 && valence <= 1)) {
            throw new IllegalArgumentException("valence must be in [-1, 1], was " + valence);
        }
        if (!(arousal >= 0 && arousal <= 1)) {
            throw new IllegalArgumentException("arousal must be in [0, 1], was " + arousal);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
        }
        if (!(escalation >= 0 && escalation <= 1)) {
            throw new IllegalArgumentException("escalation must be in [0, 1], was " + escalation);
        }
    }
}
