package com.callportrait.speech.asr;

import java.util.Objects;

/**
 * One recognised word with its timing. Immutable and thread-safe.
 *
 * @param text       the word (or a redaction placeholder such as {@code [CARD]})
 * @param startSec   start, in seconds from the start of the call's audio
 * @param endSec     end, in seconds from the start of the call's audio
 * @param confidence the recogniser's confidence in [0, 1]
 */
public record Word(String text, double startSec, double endSec, double confidence) {
    public Word {
        Objects.requireNonNull(text, "text");
        if (!(startSec >= 0) || !(endSec >= startSec)) {
            throw new IllegalArgumentException("need 0 <= start <= end, was " + startSec + ".." + endSec);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
        }
    }

    /** The same word moved by {@code seconds}. */
    public Word shifted(double seconds) {
        return new Word(text, Math.max(0, startSec + seconds), Math.max(0, endSec + seconds), confidence);
    }
}
