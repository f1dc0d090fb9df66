package com.callportrait.live;

import com.callportrait.live.calls.CallSnapshot;

/**
 * Where alerts go (the screen-pop hub: the call's agent and every supervisor). Non-blocking.
 * Implementations must be thread-safe: {@link LivePolicy} calls them from whichever thread changed
 * the call (AMI dispatch, speech worker, AGI event loop) and from its ticker.
 */
@FunctionalInterface
public interface AlertSink {
    AlertSink NONE = (c, r, m) -> { };

    void alert(CallSnapshot call, String rule, String message);
}
