package com.callportrait.live.ami;

/**
 * The peer broke the AMI framing (no banner, line too long, line without a colon...). Immutable.
 */
public final class AmiProtocolException extends AmiException {
    public AmiProtocolException(String message) {
        super(message);
    }
}
