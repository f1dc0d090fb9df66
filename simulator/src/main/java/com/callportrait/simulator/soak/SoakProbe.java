package com.callportrait.simulator.soak;

import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * Reads the process and Redis figures of one soak sample: heap used after the last collection
 * (the sum of the heap pools' collection usage, which G1 updates on every young collection too),
 * heap used and committed now, live threads, open file descriptors (Unix), Redis
 * {@code used_memory}; and, when asked, the live heap after a full collection ({@code System.gc()},
 * timed, so its pause can be reported). Stateless; any thread.
 */
final class SoakProbe {
    private static final long MB = 1024 * 1024;

    /** One reading; -1 = not available. */
    record Reading(double heapAfterGcMb, double heapUsedMb, double heapCommittedMb, int threads, long openFds,
                   double redisUsedMb, double liveHeapMb, double fullGcMs) {
    }

    private final RedisClusterCommands<String, String> redis;

    SoakProbe(RedisClusterCommands<String, String> redis) {
        this.redis = redis;
    }

    Reading read(boolean fullGc) {
        double live = -1;
        double gcMs = -1;
        if (fullGc) {
            long t0 = System.nanoTime();
            System.gc();
            gcMs = (System.nanoTime() - t0) / 1e6;
            live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (double) MB;
        }
        long afterGc = 0;
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
        for (MemoryPoolMXBean p : pools) {
            MemoryUsage u = p.getType() == MemoryType.HEAP ? p.getCollectionUsage() : null;
            if (u != null) {
                afterGc += u.getUsed();
            }
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long fds = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean u) {
            fds = u.getOpenFileDescriptorCount();
        }
        return new Reading(afterGc / (double) MB, heap.getUsed() / (double) MB, heap.getCommitted() / (double) MB,
                ManagementFactory.getThreadMXBean().getThreadCount(), fds, redisUsedMb(), live, gcMs);
    }

    private double redisUsedMb() {
        try {
            String info = redis.info("memory");
            for (String line : info.split("\r?\n")) {
                if (line.startsWith("used_memory:")) {
                    return Long.parseLong(line.substring("used_memory:".length()).trim()) / (double) MB;
                }
            }
        } catch (RuntimeException e) {
            // Redis busy or down (a fault run): the sample says so with -1
        }
        return -1;
    }

    /** Live threads now. */
    static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }
}
