package com.callportrait.route.fastagi;

import java.util.Locale;

/**
 * How a FastAGI session ended; the {@code outcome} tag of {@code cp_agi_sessions_total}. Immutable
 * and thread-safe.
 */
public enum AgiOutcome {
    /** The script finished and the server closed the socket. */
    COMPLETED,
    /** The peer broke the protocol. */
    PROTOCOL_ERROR,
    /** The peer closed the connection before the script finished (or before sending anything). */
    VANISHED,
    /** The peer went silent for longer than the idle timeout. */
    IDLE,
    /** {@code agi_network_script} names no registered script. */
    NO_SCRIPT,
    /** The script failed; the dialplan sees whatever was set so far and falls back to defaults. */
    SCRIPT_FAILED,
    /** The server shut down before the session ended. */
    SHUTDOWN;

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
