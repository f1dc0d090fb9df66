package com.callportrait.live.calls;

import com.callportrait.speech.conversation.TalkFigures;
import com.callportrait.speech.emotion.EmotionReading;
import com.callportrait.speech.pipeline.Speaker;

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

    /** A transcript of one party; only the caller's unless the agent's leg is tapped. */
    default void transcript(String callId, int utterance, boolean isFinal, String redactedText, Speaker speaker) {
        transcript(callId, utterance, isFinal, redactedText);
    }

    /** The agent's leg of the call started (it is tapped). */
    default void agentLegStarted(String callId) {
    }

    /** New talk-over and silence figures ({@code isFinal}: both legs have ended). */
    default void talk(String callId, TalkFigures figures, boolean isFinal) {
    }
}
