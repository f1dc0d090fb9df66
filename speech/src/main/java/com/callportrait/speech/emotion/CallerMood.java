package com.callportrait.speech.emotion;

import java.util.Objects;

/**
 * What the call-centre text model reads in one utterance. Immutable (arrays are copied in and out).
 *
 * @param moodProbabilities calibrated probability of each caller mood, by {@link EmotionLabel#ordinal()}
 * @param escalation        calibrated probability that the caller escalates in this utterance
 * @param general           what the general sentiment model (GoEmotions) reads, one of the inputs
 * @param reading           the mood, valence, arousal, confidence and escalation from the words alone
 */
public record CallerMood(double[] moodProbabilities, double escalation, TextEmotion general,
        EmotionReading reading) {

    public CallerMood {
        if (moodProbabilities.length != EmotionLabel.values().length) {
            throw new IllegalArgumentException("one probability per mood expected");
        }
        Objects.requireNonNull(general, "general");
        Objects.requireNonNull(reading, "reading");
        moodProbabilities = moodProbabilities.clone();
    }

    /** Calibrated probability of {@code label}. */
    public double probability(EmotionLabel label) {
        return moodProbabilities[label.ordinal()];
    }

    @Override
    public double[] moodProbabilities() {
        return moodProbabilities.clone();
    }
}
