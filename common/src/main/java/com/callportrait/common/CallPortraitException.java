package com.callportrait.common;

/**
 * The root of every unchecked exception CallPortrait throws. Narrow subclasses say what went
 * wrong ({@code config.ConfigException}, a protocol violation, a store failure
 * and so on); catch this type at the outer edge only. Immutable; so are its subclasses.
 */
public class CallPortraitException extends RuntimeException {
    public CallPortraitException(String message) {
        super(message);
    }

    public CallPortraitException(String message, Throwable cause) {
        super(message, cause);
    }
}
