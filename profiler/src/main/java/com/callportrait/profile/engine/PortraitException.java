package com.callportrait.profile.engine;

/**
 * The one unchecked exception type of the portrait engine; narrow subclasses say which stage
 * failed (collection, configuration, models).
 */
public class PortraitException extends com.callportrait.profile.ProfileException {
    public PortraitException(String message, Throwable cause) {
        super(message, cause);
    }

    public PortraitException(String message) {
        super(message);
    }
}
