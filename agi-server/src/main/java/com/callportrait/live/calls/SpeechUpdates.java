package com.callportrait.live.calls;

import com.callportrait.speech.emotion.EmotionReading;

/**
 * The seam between the speech pipeline and live call state: "a transcript or emotion update
 * arrived for call X" (X = the AudioSocket UUID = the AGI's CP_UUID). {@link CallRegistry}
 * implements it; the speech module's listener adapts to it. Thread-safe, non-blocking.
 */
public interface SpeechUpdates {
    /** A partial or final transcript; {@code redactedText} must already be redacted. */
    void transcript(String callId, int utterance, boolean isFinal, String redactedText);

    /** The emotion of a final utterance. */
    void emotion(String callId, int utterance, EmotionReading reading);
}
