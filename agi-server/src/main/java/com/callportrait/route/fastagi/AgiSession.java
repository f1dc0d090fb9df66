package com.callportrait.route.fastagi;

import java.util.concurrent.CompletionStage;

/**
 * One FastAGI connection as a script sees it. Commands are sequential, as Asterisk expects: send
 * the next one after the previous reply (Asterisk reads the socket line by line and does not
 * promise to see a second buffered command until it is polled again).
 *
 * <p>Thread-safe: {@link #send} may be called from any thread; replies complete on the
 * session's event loop, so continuations must not block. The session lives until the script's
 * stage completes, then the server closes the socket (that is what ends a FastAGI session).
 */
public interface AgiSession {

    /** The environment Asterisk sent. */
    AgiRequest request();

    /** This call's id (the {@code CP_UUID} the route script sets), fixed for the session. */
    String callId();

    /**
     * Sends one command line (no LF) and completes with the reply; completes exceptionally with
     * {@link AgiSessionClosedException} if the connection closes first, or
     * {@link IllegalStateException} if a command is already outstanding.
     */
    CompletionStage<AgiReply> send(String command);

    /** True once Asterisk has written {@code HANGUP}: the caller is gone, the script may still set variables. */
    boolean hungUp();

    /** Commands sent so far: each is one network round trip. */
    int roundTrips();

    /**
     * The session's event loop, for timers and continuations that must stay on it (cheap work
     * only: it serves other calls too).
     */
    java.util.concurrent.ScheduledExecutorService executor();
}
