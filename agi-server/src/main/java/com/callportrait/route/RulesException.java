package com.callportrait.route;

import com.callportrait.common.CallPortraitException;

/**
 * A routing rules file could not be read or is invalid; the message says where and why. Immutable.
 */
public final class RulesException extends CallPortraitException {
    public RulesException(String message) {
        super(message);
    }

    public RulesException(String message, Throwable cause) {
        super(message, cause);
    }
}
