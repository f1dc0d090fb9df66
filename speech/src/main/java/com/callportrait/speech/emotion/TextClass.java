package com.callportrait.speech.emotion;

import java.util.Locale;
import java.util.Set;

/**
 * The five classes the text model predicts: the four sentiment groups with the negative one split
 * in two, so that it can tell an angry caller from a frustrated one.
 * <ul>
 *   <li>{@link #ANGER}: anger, annoyance, disgust, disapproval (hostile, blaming);</li>
 *   <li>{@link #DISTRESS}: disappointment, sadness, fear, nervousness, embarrassment, grief,
 *       remorse (let down, worried).</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public enum TextClass {
    POSITIVE(SentimentGroup.POSITIVE),
    ANGER(SentimentGroup.NEGATIVE),
    DISTRESS(SentimentGroup.NEGATIVE),
    AMBIGUOUS(SentimentGroup.AMBIGUOUS),
    NEUTRAL(SentimentGroup.NEUTRAL);

    private static final Set<String> ANGER_EMOTIONS = Set.of("anger", "annoyance", "disgust", "disapproval");

    private final SentimentGroup group;

    TextClass(SentimentGroup group) {
        this.group = group;
    }

    /** The sentiment group this class belongs to. */
    public SentimentGroup group() {
        return group;
    }

    /** The class of one of the 28 GoEmotions labels. */
    public static TextClass ofGoEmotion(String emotion) {
        SentimentGroup g = SentimentGroup.ofGoEmotion(emotion);
        return switch (g) {
            case POSITIVE -> POSITIVE;
            case NEGATIVE -> ANGER_EMOTIONS.contains(emotion) ? ANGER : DISTRESS;
            case AMBIGUOUS -> AMBIGUOUS;
            case NEUTRAL -> NEUTRAL;
        };
    }

    /** Lower-case name: the Tribuo label name in the model. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The class with the given label name. */
    public static TextClass ofWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
