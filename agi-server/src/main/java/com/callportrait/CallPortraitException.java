package com.callportrait;

/**
 * The one unchecked exception type of the application module. Narrow subclasses say what went
 * wrong ({@link com.callportrait.app.OptionsException}, {@link com.callportrait.agi.AgiProtocolException},
 * {@link com.callportrait.routing.RulesException}); catch this type at the outer edge only.
 */
public class CallPortraitException extends RuntimeException {
    public CallPortraitException(String message) {
        super(message);
    }

    public CallPortraitException(String message, Throwable cause) {
        super(message, cause);
    }
}
