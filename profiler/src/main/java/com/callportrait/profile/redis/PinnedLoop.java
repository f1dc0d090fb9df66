package com.callportrait.profile.redis;

import io.lettuce.core.resource.EventLoopGroupProvider;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Gives a Lettuce client one event loop it does not own: every connection it makes, and every
 * reconnect, is registered on that loop, and shutting the client down leaves the loop running
 * (it belongs to {@link com.callportrait.common.net.CallPathLoops}). Immutable and thread-safe.
 */
final class PinnedLoop implements EventLoopGroupProvider {
    private final EventLoop loop;

    PinnedLoop(EventLoop loop) {
        this.loop = loop;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends EventLoopGroup> T allocate(Class<T> type) {
        return (T) loop; // an EventLoop is a group of one; Lettuce only uses it as an EventLoopGroup
    }

    @Override
    public int threadPoolSize() {
        return 1;
    }

    @Override
    public Future<Boolean> release(EventExecutorGroup group, long quietPeriod, long timeout, TimeUnit unit) {
        return ImmediateEventExecutor.INSTANCE.newSucceededFuture(true);
    }

    @Override
    public Future<Boolean> shutdown(long quietPeriod, long timeout, TimeUnit unit) {
        return ImmediateEventExecutor.INSTANCE.newSucceededFuture(true);
    }
}
