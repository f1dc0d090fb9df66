package com.callportrait.simulator.call;

/**
 * Where a simulated caller's scripted words go when no audio is streamed: the application's
 * speech seam, as if its recogniser had heard them. This is the one input that is not a wire
 * protocol (a cheap stand-in for AudioSocket + recognition in load runs and in runs without
 * speech); the application supplies the implementation. Implementations must be thread-safe:
 * every call in progress speaks on its own thread.
 */
public interface ScriptedSpeech {
    /** A partial ({@code isFinal} false) or final transcript of utterance {@code utterance} of call {@code callId}. */
    void transcript(String callId, int utterance, boolean isFinal, String text);

    /** The emotion of utterance {@code utterance}. */
    void emotion(String callId, int utterance, Mood.Emotion emotion);
}
