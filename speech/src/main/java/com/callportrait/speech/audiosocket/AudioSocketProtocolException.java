package com.callportrait.speech.audiosocket;

import com.callportrait.speech.SpeechException;

/**
 * The peer broke the AudioSocket protocol; the session that received it is ended. Immutable; so are
 * its subclasses.
 */
public class AudioSocketProtocolException extends SpeechException {
    public AudioSocketProtocolException(String message) {
        super(message);
    }
}
