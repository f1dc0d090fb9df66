package com.callportrait.common.net;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.SingleThreadEventExecutor;

/**
 * What the Netty servers and the AMI client report about their event loops (the
 * {@code cp_netty_pending_tasks} gauges). Shared by every Netty server in the reactor.
 * Stateless and thread-safe.
 */
public final class EventLoops {
    private EventLoops() {
    }

    /** Tasks waiting on the loops of {@code group}: they should stay near 0. */
    public static int pendingTasks(EventExecutorGroup group) {
        int n = 0;
        for (EventExecutor e : group) {
            if (e instanceof SingleThreadEventExecutor s) {
                n += s.pendingTasks();
            }
        }
        return n;
    }
}
