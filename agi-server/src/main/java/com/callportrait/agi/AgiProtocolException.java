package com.callportrait.agi;

import com.callportrait.CallPortraitException;

/** The peer broke the FastAGI protocol (garbage, over-long line, oversized environment...). */
public final class AgiProtocolException extends CallPortraitException {
    public AgiProtocolException(String message) {
        super(message);
    }
}
