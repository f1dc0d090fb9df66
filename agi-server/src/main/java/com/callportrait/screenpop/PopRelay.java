package com.callportrait.screenpop;

import com.callportrait.live.calls.CallSnapshot;

/**
 * How the {@link ScreenPopHub}'s messages reach pages: on this instance only ({@link #local}), or
 * on every instance ({@link RedisPopRelay}), since an agent's page is connected to one instance
 * while the call may be routed, heard or acted on by another. Implementations are thread-safe and
 * never block the caller.
 */
public interface PopRelay extends AutoCloseable {
    /** This instance's open pages: where a relayed message is finally written. */
    interface Pages {
        void toAgent(String agent, String text);

        void toSupervisors(String text);
    }

    /**
     * Sends {@code text} to {@code agent}'s pages.
     *
     * @param everyInstance true when every instance watching the PBX produces this message itself
     *                      (screen pops and call ends come from AMI events): then only the one
     *                      instance that owns the call relays it, so a page gets it once; false
     *                      when only one instance can produce it (transcripts and emotion from its
     *                      AudioSocket, alerts of an action it won)
     */
    void toAgent(CallSnapshot call, String agent, String text, boolean everyInstance);

    /** Sends {@code text} (an alert) to every supervisor page. */
    void toSupervisors(CallSnapshot call, String text);

    /** A call was seen (routed here, or first seen on AMI): the relay may claim it early. */
    default void seen(CallSnapshot call) {
    }

    /** A call ended: its state here can go. */
    default void ended(CallSnapshot call) {
    }

    @Override
    default void close() {
    }

    /** Delivers to this instance's pages only (one instance, or no shared Redis). */
    static PopRelay local(Pages pages) {
        return new PopRelay() {
            @Override
            public void toAgent(CallSnapshot call, String agent, String text, boolean everyInstance) {
                pages.toAgent(agent, text);
            }

            @Override
            public void toSupervisors(CallSnapshot call, String text) {
                pages.toSupervisors(text);
            }
        };
    }
}
