package com.callportrait.portrait.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Keeps a background computation to a share of one core: called often from the working thread, it
 * sleeps whenever the thread's CPU time since the start exceeds {@code share} of the wall time
 * passed, so the rest is left to the threads serving calls. Work that cannot call it (one Tribuo
 * fit) runs at full speed and is paid back by the sleep at the next call. One instance per
 * computation, used by one thread; not thread-safe.
 */
public final class Pacer {
    /** No pacing (command-line builds, tests). */
    public static final Pacer NONE = new Pacer(1.0);

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private final double share;
    private long startWall = -1;
    private long startCpu;
    private int calls;
    private long sleptMs;

    /** @param share the share of one core the computation may use, in (0, 1]; 1 = never sleep */
    public Pacer(double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in (0, 1], got " + share);
        }
        this.share = share;
    }

    /** A fresh pacer with the same share (each computation measures from its own start). */
    public Pacer fresh() {
        return share >= 1 ? NONE : new Pacer(share);
    }

    /** Sleeps if the thread is ahead of its share; cheap enough to call per record. */
    public void pace() {
        if (share >= 1 || !CPU.isCurrentThreadCpuTimeSupported()) {
            return;
        }
        if (startWall < 0) {
            startWall = System.nanoTime();
            startCpu = CPU.getCurrentThreadCpuTime();
            return;
        }
        if ((++calls & 255) != 0) {
            return;
        }
        settle();
    }

    /** Sleeps off whatever the thread is ahead of its share now (between phases). */
    public void settle() {
        if (share >= 1 || startWall < 0 || !CPU.isCurrentThreadCpuTimeSupported()) {
            return;
        }
        long cpu = CPU.getCurrentThreadCpuTime() - startCpu;
        long wall = System.nanoTime() - startWall;
        long aheadNs = (long) (cpu / share) - wall;
        if (aheadNs > 2_000_000) {
            long ms = aheadNs / 1_000_000;
            try {
                Thread.sleep(ms);
                sleptMs += ms;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Milliseconds slept so far (for the retrain log line). */
    public long sleptMillis() {
        return sleptMs;
    }
}
