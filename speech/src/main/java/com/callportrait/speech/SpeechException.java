package com.callportrait.speech;

import com.callportrait.common.CallPortraitException;

/**
 * The one unchecked exception type of the speech module. Narrow subclasses say what failed (a
 * protocol violation on one AudioSocket session, a bad setting, a model that cannot be loaded);
 * a failure in one call never touches another call. Settings errors are the common
 * {@code ConfigException}. Immutable; so are its subclasses.
 */
public class SpeechException extends CallPortraitException {
    public SpeechException(String message) {
        super(message);
    }

    public SpeechException(String message, Throwable cause) {
        super(message, cause);
    }
}
