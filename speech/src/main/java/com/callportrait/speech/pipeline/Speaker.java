package com.callportrait.speech.pipeline;

import java.util.Locale;

/** Who spoke: the caller (the customer's leg, always tapped) or the agent (tapped only when asked). Immutable. */
public enum Speaker {
    CALLER, AGENT;

    /** The name on the wire and in events: {@code caller} or {@code agent}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
