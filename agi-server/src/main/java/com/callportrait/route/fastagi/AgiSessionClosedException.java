package com.callportrait.route.fastagi;

import com.callportrait.common.CallPortraitException;

/** A command could not complete because the session's connection closed first. Immutable. */
public final class AgiSessionClosedException extends CallPortraitException {
    public AgiSessionClosedException(String message) {
        super(message);
    }
}
