package com.callportrait.live.calls;

import com.callportrait.speech.pipeline.Speaker;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of the live transcript; the text is already redacted by the speech pipeline. Immutable
 * and thread-safe.
 *
 * @param number  the utterance's number in the call, from 1
 * @param text    redacted words
 * @param isFinal false while the caller is still speaking
 * @param at      when it was recognised
 * @param speaker whose words (the agent's only when the agent's leg is tapped; numbered per speaker)
 */
public record Utterance(int number, String text, boolean isFinal, Instant at, Speaker speaker) {
    public Utterance {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        if (number < 1) {
            throw new IllegalArgumentException("utterance numbers start at 1");
        }
    }

    /** The caller's words. */
    public Utterance(int number, String text, boolean isFinal, Instant at) {
        this(number, text, isFinal, at, Speaker.CALLER);
    }
}
