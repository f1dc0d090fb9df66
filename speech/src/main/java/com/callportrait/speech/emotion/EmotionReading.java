package com.callportrait.speech.emotion;

import java.util.Objects;

/**
 * Emotion of one utterance. Immutable and thread-safe.
 *
 * @param label      the mood
 * @param valence    unpleasant (-1) to pleasant (+1)
 * @param arousal    calm (0) to agitated (1)
 * @param confidence how sure the scorer is of {@code label}, in [0, 1]
 */
public record EmotionReading(EmotionLabel label, double valence, double arousal, double confidence) {
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
    }
}
