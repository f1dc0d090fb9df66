package com.callportrait.bench.agi;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/** Closed-loop and fixed-rate load against one FastAGI server. Not thread-safe; one phase at a time. */
public final class LoadPhases {
    private final AgiLoadClient client;
    private final List<byte[]> environments;
    private int next;

    public LoadPhases(AgiLoadClient client, List<byte[]> environments) {
        this.client = client;
        this.environments = environments;
    }

    private synchronized byte[] nextEnvironment() {
        byte[] e = environments.get(next);
        next = (next + 1) % environments.size();
        return e;
    }

    /** {@code concurrency} sessions always in flight; only sessions started after {@code warmup} count. */
    public LoadResult closedLoop(String server, InetSocketAddress addr, int concurrency, Duration warmup, Duration duration)
            throws Exception {
        Histogram h = new Histogram(60_000_000L, 3);
        AtomicLong errors = new AtomicLong();
        AtomicLong commands = new AtomicLong();
        long t0 = System.nanoTime();
        long measureStart = t0 + warmup.toNanos();
        long end = measureStart + duration.toNanos();
        AtomicInteger chains = new AtomicInteger(concurrency);
        CompletableFuture<Void> all = new CompletableFuture<>();
        class Chain {
            void launch() {
                long s = System.nanoTime();
                if (s >= end) {
                    if (chains.decrementAndGet() == 0) {
                        all.complete(null);
                    }
                    return;
                }
                client.session(addr, nextEnvironment(), s).thenAccept(r -> {
                    if (s >= measureStart) {
                        record(h, errors, commands, r);
                    }
                    launch();
                });
            }
        }
        for (int i = 0; i < concurrency; i++) {
            new Chain().launch();
        }
        all.get(duration.toSeconds() + warmup.toSeconds() + 60, TimeUnit.SECONDS);
        return LoadResult.of(server, "closed loop, " + concurrency + " concurrent", h, errors.get(),
                duration.toNanos() / 1e9, commands.get());
    }

    /**
     * Starts sessions at a fixed rate; latency counts from when each was due, so a stalled server
     * cannot hide its delays (no coordinated omission).
     */
    public LoadResult fixedRate(String server, InetSocketAddress addr, int rate, Duration duration) throws Exception {
        Histogram h = new Histogram(60_000_000L, 3);
        AtomicLong errors = new AtomicLong();
        AtomicLong commands = new AtomicLong();
        long total = (long) rate * duration.toSeconds();
        AtomicLong finished = new AtomicLong();
        CompletableFuture<Void> all = new CompletableFuture<>();
        long t0 = System.nanoTime() + 1_000_000;
        long[] started = {0};
        ScheduledFuture<?>[] tick = new ScheduledFuture<?>[1];
        tick[0] = client.loop().next().scheduleAtFixedRate(() -> {
            long due = Math.min(total, (long) ((System.nanoTime() - t0) / 1e9 * rate));
            while (started[0] < due) {
                long intended = t0 + (long) (started[0] * 1e9 / rate);
                started[0]++;
                client.session(addr, nextEnvironment(), intended).thenAccept(r -> {
                    record(h, errors, commands, r);
                    if (finished.incrementAndGet() == total) {
                        all.complete(null);
                    }
                });
            }
            if (started[0] >= total) {
                tick[0].cancel(false);
            }
        }, 1, 1, TimeUnit.MILLISECONDS);
        all.get(duration.toSeconds() + 60, TimeUnit.SECONDS);
        return LoadResult.of(server, "fixed " + rate + "/s", h, errors.get(), duration.toNanos() / 1e9, commands.get());
    }

    private static synchronized void record(Histogram h, AtomicLong errors, AtomicLong commands, AgiLoadClient.Session r) {
        if (r.ok()) {
            h.recordValue(Math.min(60_000_000L, Math.max(1, r.nanos() / 1000)));
            commands.addAndGet(r.commands());
        } else {
            errors.incrementAndGet();
        }
    }
}
