package com.callportrait.live.ami;

/**
 * The action was not written at all: the client is not logged in (safe to try again later).
 * Immutable.
 */
public final class AmiNotConnectedException extends AmiException {
    public AmiNotConnectedException(String message) {
        super(message);
    }
}
