package com.callportrait.speech.pipeline;

/**
 * Receives the live speech events of every call. Methods run on the recognition worker that
 * produced the event, in order per call: return quickly (hand off to Redis or WebSocket
 * asynchronously). An exception is logged and counted; it never stops the call or other
 * listeners. Implementations must be thread-safe (different calls run on different workers).
 */
public interface SpeechListener {

    default void onCallStarted(String callId) {
    }

    void onTranscript(TranscriptEvent event);

    void onEmotion(EmotionEvent event);

    default void onDtmf(String callId, char digit) {
    }

    /** The call's audio ended; its last utterance has been delivered. */
    default void onCallEnded(String callId, String reason) {
    }

    /**
     * One leg's audio started: the caller's (with {@link #onCallStarted}) or, when the agent's leg is
     * tapped too, the agent's. {@code startSec} is where the leg starts on the call's time line
     * (seconds from the start of the caller's audio; 0 for the caller).
     */
    default void onLegStarted(String callId, Speaker speaker, double startSec) {
    }

    /** One leg's audio ended at {@code endSec} on the call's time line; its last utterance has been delivered. */
    default void onLegEnded(String callId, Speaker speaker, double endSec, String reason) {
    }

    /**
     * Talk-over and silence of a call whose agent leg is tapped: updated after each final utterance
     * heard while both legs were up, and once more, final, when both legs have ended.
     */
    default void onConversation(ConversationEvent event) {
    }
}
