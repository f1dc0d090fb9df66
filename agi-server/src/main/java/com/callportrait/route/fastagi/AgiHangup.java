package com.callportrait.route.fastagi;

/**
 * The {@code HANGUP} line Asterisk writes when the channel hangs up (and again when the session
 * ends). It may arrive at any time, even before the reply to a pending command, which still comes.
 * Immutable and thread-safe.
 */
public record AgiHangup() implements AgiMessage {
    /** The only instance needed. */
    public static final AgiHangup INSTANCE = new AgiHangup();
}
