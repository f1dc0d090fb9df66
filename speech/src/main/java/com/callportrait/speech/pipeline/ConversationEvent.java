package com.callportrait.speech.pipeline;

import com.callportrait.speech.conversation.TalkFigures;
import java.time.Instant;
import java.util.Objects;

/**
 * Talk-over and silence of one call whose caller and agent legs are both transcribed. Immutable and
 * thread-safe.
 *
 * @param callId  the call's CP_UUID
 * @param figures the connected time, each party's talk time, talk-over and silence so far
 * @param isFinal true once both legs have ended (the figures then cover the whole connected time);
 *                false for the running figures, up to the newest word heard
 * @param at      when the figures were computed
 */
public record ConversationEvent(String callId, TalkFigures figures, boolean isFinal, Instant at) {
    public ConversationEvent {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(at, "at");
    }
}
