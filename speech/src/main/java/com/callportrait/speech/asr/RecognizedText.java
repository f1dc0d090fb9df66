package com.callportrait.speech.asr;

import java.util.List;
import java.util.Objects;

/**
 * What Vosk returned for a stretch of audio. Word times are in the recogniser's own clock (the
 * seconds of audio fed to it), which the pipeline maps back onto the call's clock. Immutable and
 * thread-safe.
 *
 * @param text  the words joined by spaces, empty when nothing was recognised
 * @param words the words with timings (empty for partial results)
 */
public record RecognizedText(String text, List<Word> words) {
    public static final RecognizedText EMPTY = new RecognizedText("", List.of());

    public RecognizedText {
        Objects.requireNonNull(text, "text");
        words = List.copyOf(words);
    }

    public boolean isEmpty() {
        return text.isBlank();
    }
}
