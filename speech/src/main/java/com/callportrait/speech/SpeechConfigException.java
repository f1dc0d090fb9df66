package com.callportrait.speech;

/** A setting (environment variable or option) is missing or invalid; thrown at start-up. */
public class SpeechConfigException extends SpeechException {
    public SpeechConfigException(String message) {
        super(message);
    }

    public SpeechConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
