package com.callportrait.live.calls;

import com.callportrait.speech.emotion.EmotionReading;
import java.time.Instant;
import java.util.Objects;

/**
 * One emotion reading of the caller, at a time. Immutable and thread-safe.
 *
 * @param utterance the utterance it scored
 * @param reading   label, valence, arousal, confidence
 * @param at        when it was produced
 */
public record EmotionPoint(int utterance, EmotionReading reading, Instant at) {
    public EmotionPoint {
        Objects.requireNonNull(reading, "reading");
        Objects.requireNonNull(at, "at");
    }
}
