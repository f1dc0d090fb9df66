package com.callportrait.live.ami;

import com.callportrait.common.CallPortraitException;

/**
 * An AMI failure: protocol violation, login refused, action timed out, not connected. Immutable; so
 * are its subclasses.
 */
public class AmiException extends CallPortraitException {
    public AmiException(String message) {
        super(message);
    }

    public AmiException(String message, Throwable cause) {
        super(message, cause);
    }
}
