package com.callportrait.speech.audiosocket;

import java.util.UUID;

/** Opens the sink for a new session once its UUID (the call's {@code CP_UUID}) is known. Thread-safe. */
public interface CallAudioSinkFactory {

    /** Called on an event loop: must not block. */
    CallAudioSink open(UUID callId);

    /** A session was ended for breaking the protocol (for metrics); the reason is already logged. */
    default void sessionRejected(String reason) {
    }
}
