package com.callportrait.bench.agi.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Runs load phases against one FastAGI server from a single Netty event loop thread: every
 * connect, read, reply and measurement happens on that thread, so nothing is locked and the load
 * process stays small next to the server it measures. Phases run one at a time; the CPU of the
 * watched processes is read from {@code /proc} at the start and end of each measured window.
 * Lifecycle: create, run phases, {@link #close}.
 */
final class LoadRunner implements AutoCloseable {
    /** A session still open after this long counts as an error. */
    private static final long SESSION_TIMEOUT_MS = 10_000;
    /** Sessions slower than this are listed on stderr by when they were due, to line the tail up with GC logs. */
    private static final long SLOW_US = 2_000;
    /** Share of callers that hang up while the script runs (Asterisk then writes HANGUP). */
    private static final int HANGUP_ONE_IN = 100;

    /** Native epoll when it loads (the leanest load process), NIO otherwise. */
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("agi-load", true),
            Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    private final EventLoop loop = group.next();
    private final Bootstrap bootstrap;
    private final List<ByteBuf> environments = new ArrayList<>();
    private final List<String> expected = new ArrayList<>();
    private final boolean[] hangup;
    private final String serverPid;
    private final String redisPid;
    private int next;

    LoadRunner(InetSocketAddress target, List<MixEntry> mix, String serverPid, String redisPid) {
        this.serverPid = serverPid;
        this.redisPid = redisPid;
        this.bootstrap = new Bootstrap().group(loop).channel(Epoll.isAvailable() ? EpollSocketChannel.class : NioSocketChannel.class).remoteAddress(target)
                .option(ChannelOption.TCP_NODELAY, true).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000);
        Random r = new Random(11);
        hangup = new boolean[mix.size()];
        for (int i = 0; i < mix.size(); i++) {
            MixEntry e = mix.get(i);
            byte[] block = com.callportrait.bench.agi.RecordedEnvironment.block("route", e.callerId(), "1795339360." + i)
                    .getBytes(StandardCharsets.UTF_8);
            environments.add(Unpooled.unreleasableBuffer(Unpooled.directBuffer(block.length).writeBytes(block)));
            expected.add(e.customerId());
            hangup[i] = r.nextInt(HANGUP_ONE_IN) == 0;
        }
    }

    /** Counters of one phase; touched on the event loop only. */
    private static final class Tally {
        final Histogram latency = new Histogram(60_000_000L, 3);
        long errors;
        long degraded;
        long commands;

        /** Sessions slower than {@link #SLOW_US}: wall-clock ms when due, latency µs (for the tail's timeline). */
        final List<long[]> slow = new ArrayList<>();
        /** Only fixed rates keep the timeline: in the closed loop most sessions wait longer than that by design. */
        final boolean timeline;

        Tally(boolean timeline) {
            this.timeline = timeline;
        }

        void record(AsteriskPeer.Outcome o, int cmds, long nanos) {
            switch (o) {
                case OK -> {
                    latency.recordValue(Math.min(60_000_000L, Math.max(1, nanos / 1000)));
                    if (timeline && nanos / 1000 > SLOW_US) {
                        slow.add(new long[] {System.currentTimeMillis() - nanos / 1_000_000, nanos / 1000});
                    }
                    commands += cmds;
                }
                case DEGRADED -> {
                    degraded++;
                    commands += cmds;
                }
                case ERROR -> errors++;
            }
        }
    }

    /** Starts one session due at {@code dueNanos}; {@code then} runs on the loop when it ends. */
    private void session(long dueNanos, Tally tally, Runnable then) {
        int i = next;
        next = (next + 1) % environments.size();
        AsteriskPeer peer = new AsteriskPeer(environments.get(i), expected.get(i), hangup[i], (o, cmds, end) -> {
            if (tally != null) {
                tally.record(o, cmds, end - dueNanos);
            }
            then.run();
        });
        ChannelFuture f = bootstrap.clone().handler(peer).connect();
        f.addListener(c -> {
            if (!c.isSuccess()) {
                peer.failed();
            } else {
                ScheduledFuture<?> timeout = f.channel().eventLoop().schedule(() -> {
                    if (f.channel().isOpen()) {
                        f.channel().close();
                        peer.failed();
                    }
                }, SESSION_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                // Cancelled as the session ends: left to expire, 10 s of sessions' timers (over
                // 100,000 in the closed loop) kept their channels alive, and the load process's
                // young collections (20-40 ms on this machine) showed up as the servers' tail.
                f.channel().closeFuture().addListener(closed -> timeout.cancel(false));
            }
        });
    }

    /** {@code concurrency} sessions always in flight for {@code warmup}, then measured for {@code seconds}. */
    PhaseResult closedLoop(String name, int concurrency, double warmupSeconds, double seconds) throws Exception {
        CompletableFuture<PhaseResult> result = new CompletableFuture<>();
        loop.execute(() -> {
            long t0 = System.nanoTime();
            long measureStart = t0 + (long) (warmupSeconds * 1e9);
            long end = measureStart + (long) (seconds * 1e9);
            Tally tally = new Tally(false);
            long[] cpu = new long[3];
            int[] open = {concurrency};
            boolean[] started = {false};
            class Chain implements Runnable {
                @Override
                public void run() {
                    long now = System.nanoTime();
                    if (!started[0] && now >= measureStart) {
                        started[0] = true;
                        snapshot(cpu);
                    }
                    if (now >= end) {
                        if (--open[0] == 0) {
                            result.complete(finish(name, tally, cpu, seconds));
                        }
                        return;
                    }
                    session(now, now >= measureStart ? tally : null, this);
                }
            }
            for (int c = 0; c < concurrency; c++) {
                new Chain().run();
            }
        });
        return result.get((long) (warmupSeconds + seconds) + 60, TimeUnit.SECONDS);
    }

    /**
     * Starts sessions at a fixed rate; latency counts from when each was due, so a server that
     * stalls cannot hide the sessions it delayed (no coordinated omission).
     */
    PhaseResult fixedRate(String name, int rate, double seconds) throws Exception {
        CompletableFuture<PhaseResult> result = new CompletableFuture<>();
        long total = Math.round(rate * seconds);
        loop.execute(() -> {
            Tally tally = new Tally(true);
            long[] cpu = new long[3];
            snapshot(cpu);
            long t0 = System.nanoTime();
            long[] started = {0};
            long[] ended = {0};
            Runnable onEnd = () -> {
                if (++ended[0] == total) {
                    result.complete(finish(name, tally, cpu, seconds));
                }
            };
            ScheduledFuture<?>[] tick = new ScheduledFuture<?>[1];
            tick[0] = loop.scheduleAtFixedRate(() -> {
                long due = Math.min(total, (long) ((System.nanoTime() - t0) / 1e9 * rate) + 1);
                while (started[0] < due) {
                    long intended = t0 + (long) (started[0] * 1e9 / rate);
                    started[0]++;
                    session(intended, tally, onEnd);
                }
                if (started[0] >= total) {
                    tick[0].cancel(false);
                }
            }, 0, 200, TimeUnit.MICROSECONDS);
        });
        return result.get((long) seconds + 60, TimeUnit.SECONDS);
    }

    private void snapshot(long[] cpu) {
        cpu[0] = ProcStat.cpuNanos(serverPid);
        cpu[1] = redisPid == null ? 0 : ProcStat.cpuNanos(redisPid);
        cpu[2] = ProcStat.cpuNanos("self");
    }

    private PhaseResult finish(String name, Tally t, long[] cpu0, double seconds) {
        long[] cpu1 = new long[3];
        snapshot(cpu1);
        Histogram h = t.latency;
        printTimeline(name, t.slow);
        return new PhaseResult(name, h.getTotalCount(), t.errors, t.degraded, seconds, h.getValueAtPercentile(50),
                h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue(), t.commands,
                cpu1[0] - cpu0[0], cpu1[1] - cpu0[1], cpu1[2] - cpu0[2]);
    }

    /**
     * The slow sessions of a phase on stderr, grouped by the 10 ms in which they were due:
     * {@code SLOW <phase> <epoch ms> <sessions> <max µs>}. Stalls (a GC pause, a descheduled event
     * loop) show as runs of slow sessions due within a few ms of each other.
     */
    private static void printTimeline(String phase, List<long[]> slow) {
        java.util.TreeMap<Long, long[]> buckets = new java.util.TreeMap<>();
        for (long[] x : slow) {
            long[] b = buckets.computeIfAbsent(x[0] / 10 * 10, k -> new long[2]);
            b[0]++;
            b[1] = Math.max(b[1], x[1]);
        }
        StringBuilder out = new StringBuilder();
        buckets.forEach((ms, b) -> out.append("SLOW ").append(phase).append(' ').append(ms).append(' ').append(b[0])
                .append(' ').append(b[1]).append('\n'));
        System.err.print(out);
        System.err.flush();
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
