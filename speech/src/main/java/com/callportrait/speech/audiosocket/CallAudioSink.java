package com.callportrait.speech.audiosocket;

/**
 * Receives one AudioSocket session's content. Called on the session's Netty event loop, so every
 * method must return at once (queue the work elsewhere); calls for one session are serial.
 */
public interface CallAudioSink {

    /** A voice frame, in arrival order. */
    void audio(AudioSocketFrame.Audio frame);

    /** A DTMF digit the caller pressed. */
    void dtmf(char digit);

    /**
     * The session is over (hangup frame, socket closed, idle, error or protocol violation);
     * called exactly once. The utterance in progress must still be finalised.
     */
    void end(String reason);
}
