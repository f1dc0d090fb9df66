package com.callportrait.live.calls;

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
 */
public record Utterance(int number, String text, boolean isFinal, Instant at) {
    public Utterance {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        if (number < 1) {
            throw new IllegalArgumentException("utterance numbers start at 1");
        }
    }
}
