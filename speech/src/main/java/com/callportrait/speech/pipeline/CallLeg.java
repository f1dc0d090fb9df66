package com.callportrait.speech.pipeline;

import java.util.Objects;
import java.util.UUID;

/**
 * Which call and whose voice one AudioSocket stream carries, read from the 16-byte UUID Asterisk
 * sends first. The caller's stream is named by the call's {@code CP_UUID} itself (a random,
 * version-4 UUID). The agent's stream is named by the same UUID with its version digit (the
 * 13th hex digit, the first of the third group) set to {@code 8}: still a valid UUID, which
 * AudioSocket requires, derivable in the dialplan with substrings alone
 * ({@code ${CP_UUID:0:14}8${CP_UUID:15}}), and mapped back here without any shared state, so it
 * works across restarts and on any instance.
 *
 * <p>Immutable and thread-safe.
 *
 * @param callId  the call's {@code CP_UUID}
 * @param speaker whose voice the stream carries
 */
public record CallLeg(String callId, Speaker speaker) {
    /** The UUID version digit that marks the agent's stream. */
    public static final int AGENT_VERSION = 8;
    private static final int CALL_VERSION = 4;

    public CallLeg {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(speaker, "speaker");
    }

    /** The caller's leg of {@code callId}. */
    public static CallLeg caller(String callId) {
        return new CallLeg(callId, Speaker.CALLER);
    }

    /** The leg a stream's UUID names: version 8 = the agent's leg of the version-4 call id. */
    public static CallLeg of(UUID streamId) {
        if (streamId.version() == AGENT_VERSION) {
            return new CallLeg(withVersion(streamId, CALL_VERSION).toString(), Speaker.AGENT);
        }
        return caller(streamId.toString());
    }

    /** The UUID the dialplan gives the agent's stream of call {@code callId}. */
    public static UUID agentStreamOf(UUID callId) {
        return withVersion(callId, AGENT_VERSION);
    }

    /** The key of this leg among the open streams: the call id for the caller, with a suffix for the agent. */
    public String key() {
        return speaker == Speaker.CALLER ? callId : callId + "/" + speaker.wireName();
    }

    private static UUID withVersion(UUID u, int version) {
        long msb = (u.getMostSignificantBits() & ~0xF000L) | ((long) version << 12);
        return new UUID(msb, u.getLeastSignificantBits());
    }
}
