package com.callportrait.speech.emotion;

import java.util.Locale;
import java.util.Map;

/**
 * The four sentiment groups of the GoEmotions paper (Demszky et al. 2020), the unit the text
 * emotion model is evaluated on. {@link #mood(double, double)} maps a group onto the caller moods.
 * Immutable and thread-safe.
 */
public enum SentimentGroup {
    POSITIVE,
    NEGATIVE,
    AMBIGUOUS,
    NEUTRAL;

    private static final Map<String, SentimentGroup> BY_EMOTION = Map.ofEntries(
            Map.entry("admiration", POSITIVE), Map.entry("amusement", POSITIVE),
            Map.entry("approval", POSITIVE), Map.entry("caring", POSITIVE),
            Map.entry("desire", POSITIVE), Map.entry("excitement", POSITIVE),
            Map.entry("gratitude", POSITIVE), Map.entry("joy", POSITIVE),
            Map.entry("love", POSITIVE), Map.entry("optimism", POSITIVE),
            Map.entry("pride", POSITIVE), Map.entry("relief", POSITIVE),
            Map.entry("anger", NEGATIVE), Map.entry("annoyance", NEGATIVE),
            Map.entry("disappointment", NEGATIVE), Map.entry("disapproval", NEGATIVE),
            Map.entry("disgust", NEGATIVE), Map.entry("embarrassment", NEGATIVE),
            Map.entry("fear", NEGATIVE), Map.entry("grief", NEGATIVE),
            Map.entry("nervousness", NEGATIVE), Map.entry("remorse", NEGATIVE),
            Map.entry("sadness", NEGATIVE),
            Map.entry("confusion", AMBIGUOUS), Map.entry("curiosity", AMBIGUOUS),
            Map.entry("realization", AMBIGUOUS), Map.entry("surprise", AMBIGUOUS),
            Map.entry("neutral", NEUTRAL));

    /** The group of one of the 28 GoEmotions labels. */
    public static SentimentGroup ofGoEmotion(String emotion) {
        SentimentGroup g = BY_EMOTION.get(emotion);
        if (g == null) {
            throw new IllegalArgumentException("not a GoEmotions label: " + emotion);
        }
        return g;
    }

    /**
     * The caller mood of this group. A negative utterance is angry or frustrated depending on which
     * of the two negative sub-classes ({@code pAnger}, {@code pDistress}) is more likely.
     */
    public EmotionLabel mood(double pAnger, double pDistress) {
        return switch (this) {
            case POSITIVE -> EmotionLabel.SATISFIED;
            case NEGATIVE -> pAnger >= pDistress ? EmotionLabel.ANGRY : EmotionLabel.FRUSTRATED;
            case AMBIGUOUS, NEUTRAL -> EmotionLabel.NEUTRAL;
        };
    }

    /** Lower-case name used in JSON. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
