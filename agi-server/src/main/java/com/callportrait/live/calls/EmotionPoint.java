package com.callportrait.live.calls;

import com.callportrait.speech.emotion.EmotionReading;
import java.time.Instant;
import java.util.Objects;

/**
 * One emotion reading of the caller, at a time. Immutable and thread-safe.
 *
 * @param utterance the utterance it scored
 * @param reading   label, valence, arousal, confidence, escalation
 * @param at        when it was produced
 * @param words     how many words the utterance's final transcript has (0 when it is not known):
 *                  the live rules' evidence guard ignores readings of a word or two
 */
public record EmotionPoint(int utterance, EmotionReading reading, Instant at, int words) {
    public EmotionPoint {
        Objects.requireNonNull(reading, "reading");
        Objects.requireNonNull(at, "at");
        if (words < 0) {
            throw new IllegalArgumentException("words must be >= 0, was " + words);
        }
    }
}
