package com.callportrait.speech.emotion;

import java.util.Locale;

/** The caller moods routing and agents act on. Immutable and thread-safe. */
public enum EmotionLabel {
    ANGRY,
    FRUSTRATED,
    NEUTRAL,
    SATISFIED;

    /** Lower-case name used in events, JSON and rules. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
