package com.callportrait.live.calls;

import java.util.Locale;

/** Where a live call stands. Immutable and thread-safe. */
public enum CallState {
    /** Routed by the AGI, not yet in a queue. */
    ROUTED,
    /** Waiting in a queue. */
    WAITING,
    /** An agent's phone is ringing. */
    RINGING,
    /** Talking to an agent. */
    CONNECTED,
    /** Hung up (last snapshot only). */
    ENDED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
