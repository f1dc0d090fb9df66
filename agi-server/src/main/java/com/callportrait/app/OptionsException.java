package com.callportrait.app;

import com.callportrait.CallPortraitException;

/** A setting (environment variable) has a bad value; the message names the variable and why. */
public final class OptionsException extends CallPortraitException {
    public OptionsException(String message) {
        super(message);
    }
}
