package com.callportrait.speech;

/**
 * The one unchecked exception type of the speech module. Narrow subclasses say what failed (a
 * protocol violation on one AudioSocket session, a bad setting, a model that cannot be loaded);
 * a failure in one call never touches another call.
 */
public class SpeechException extends RuntimeException {
    public SpeechException(String message) {
        super(message);
    }

    public SpeechException(String message, Throwable cause) {
        super(message, cause);
    }
}
