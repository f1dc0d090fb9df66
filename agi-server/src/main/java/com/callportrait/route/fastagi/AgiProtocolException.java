package com.callportrait.route.fastagi;

import com.callportrait.common.CallPortraitException;

/**
 * The peer broke the FastAGI protocol (garbage, over-long line, oversized environment...).
 * Immutable.
 */
public final class AgiProtocolException extends CallPortraitException {
    public AgiProtocolException(String message) {
        super(message);
    }
}
