package com.callportrait.live.calls;

/** What changed in a call, as told to {@link CallListener}s. Immutable and thread-safe. */
public enum CallChange {
    ROUTED, QUEUED, AGENT_CALLED, CONNECTED, AGENT_DONE, TRANSCRIPT, EMOTION, INTENT, ACTION, ENDED,
    /** New talk-over and silence figures (the agent's leg is tapped). */
    TALK
}
