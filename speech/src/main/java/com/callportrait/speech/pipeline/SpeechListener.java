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
}
