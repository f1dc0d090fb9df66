package com.callportrait.live;

import com.callportrait.live.calls.CallSnapshot;

/** Where alerts go (the screen-pop hub: the call's agent and every supervisor). Non-blocking. */
@FunctionalInterface
public interface AlertSink {
    AlertSink NONE = (c, r, m) -> { };

    void alert(CallSnapshot call, String rule, String message);
}
