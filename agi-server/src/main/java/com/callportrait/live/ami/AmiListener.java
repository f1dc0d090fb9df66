package com.callportrait.live.ami;

/**
 * Receives AMI events and connection changes. All methods run on the client's single dispatch
 * thread, in wire order, never on the socket reader: a slow listener delays other listeners
 * but never the reader (which drops events, counted, when the hand-off queue is full). The client
 * calls them from that one thread only; state an implementation shares with other threads is its
 * own to guard.
 */
public interface AmiListener {
    /** One event that passed the filter. */
    void onEvent(AmiMessage event);

    /** Logged in (first time or after a reconnect): a good moment to re-synchronise state. */
    default void onConnected(AmiClient client) {
    }

    /** The connection was lost; the client is reconnecting. */
    default void onDisconnected(String reason) {
    }
}
