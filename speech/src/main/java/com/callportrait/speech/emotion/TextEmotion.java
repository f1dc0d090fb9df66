package com.callportrait.speech.emotion;

import java.util.Objects;

/**
 * What the text model reads in one utterance.
 *
 * @param group              the predicted sentiment group (what the benchmark scores)
 * @param groupProbabilities calibrated probability per group, indexed by {@link SentimentGroup#ordinal()}
 * @param classProbabilities calibrated probability per class, indexed by {@link TextClass#ordinal()}
 * @param reading            the mood, valence, arousal and confidence from the words alone
 */
public record TextEmotion(SentimentGroup group, double[] groupProbabilities,
        double[] classProbabilities, EmotionReading reading) {

    public TextEmotion {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(reading, "reading");
        if (groupProbabilities.length != SentimentGroup.values().length
                || classProbabilities.length != TextClass.values().length) {
            throw new IllegalArgumentException("one probability per group and per class expected");
        }
        groupProbabilities = groupProbabilities.clone();
        classProbabilities = classProbabilities.clone();
    }

    /** Calibrated probability of {@code g}. */
    public double probability(SentimentGroup g) {
        return groupProbabilities[g.ordinal()];
    }

    /** Calibrated probability of {@code c}. */
    public double probability(TextClass c) {
        return classProbabilities[c.ordinal()];
    }

    @Override
    public double[] groupProbabilities() {
        return groupProbabilities.clone();
    }

    @Override
    public double[] classProbabilities() {
        return classProbabilities.clone();
    }
}
