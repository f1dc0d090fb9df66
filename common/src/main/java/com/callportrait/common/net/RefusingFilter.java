package com.callportrait.common.net;

import io.micrometer.core.instrument.Counter;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ipfilter.IpSubnetFilter;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Netty's {@link IpSubnetFilter} with accept rules only (anything not matched is refused) plus a
 * count and a log line per refusal; an accepted channel gets its protocol handlers then. The filter decides when the channel registers, before any
 * read, and closes a refused channel itself. Logging is limited to one line per
 * {@link #LOG_EVERY_NANOS} so a scan of the port cannot flood the log; the lines in between are
 * summed into the next one. Sharable and thread-safe.
 */
@ChannelHandler.Sharable
final class RefusingFilter extends IpSubnetFilter {
    private static final Logger log = LoggerFactory.getLogger(RefusingFilter.class);
    static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final String server;
    private final String variable;
    private final Counter refused;
    private final Consumer<Channel> onAccepted;
    private final AtomicLong nextLog = new AtomicLong(System.nanoTime());
    private final AtomicLong unlogged = new AtomicLong();

    RefusingFilter(List<IpSubnetFilterRule> rules, String server, String variable, Counter refused,
                   Consumer<Channel> onAccepted) {
        super(false, rules);
        this.server = server;
        this.variable = variable;
        this.refused = refused;
        this.onAccepted = onAccepted;
    }

    @Override
    protected void channelAccepted(ChannelHandlerContext ctx, InetSocketAddress remote) {
        // The filter has removed itself; the protocol handlers go in now, before channelActive.
        onAccepted.accept(ctx.channel());
    }

    @Override
    protected ChannelFuture channelRejected(ChannelHandlerContext ctx, InetSocketAddress remote) {
        refused.increment();
        long now = System.nanoTime();
        long due = nextLog.get();
        if (now - due >= 0 && nextLog.compareAndSet(due, now + LOG_EVERY_NANOS)) {
            long more = unlogged.getAndSet(0);
            log.warn("refused {} connection from {} (not in {}){}", server, remote.getAddress().getHostAddress(),
                    variable, more > 0 ? "; " + more + " more refused since the last message" : "");
        } else {
            unlogged.incrementAndGet();
        }
        return null; // the filter closes the channel
    }
}
