package com.callportrait.server;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's one scheduler for periodic and delayed work: health evaluations, rules
 * polling, the live policy tick, call expiry, the supervisor table push, AMI re-synchronisation
 * retries. Two daemon threads ({@code cp-scheduler-1}, {@code cp-scheduler-2}): every task on it is
 * short and never blocks (a stat, a walk over in-memory calls, a non-blocking write or an async
 * request), so two are plenty and one slow task cannot stall the rest. Work that blocks keeps a
 * bounded pool of its own (recognition, Netty event loops, the spool writer, Redis appenders).
 *
 * <p>Lifecycle: created first by {@link Application} and shut down last, after every component
 * cancelled its tasks. Thread-safe.
 */
final class SharedScheduler {
    private static final Logger log = LoggerFactory.getLogger(SharedScheduler.class);
    /** Threads of the shared scheduler. */
    static final int DEFAULT_THREADS = 2;

    private SharedScheduler() {
    }

    static ScheduledExecutorService create() {
        AtomicInteger n = new AtomicInteger();
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(DEFAULT_THREADS, r -> {
            Thread t = new Thread(r, "cp-scheduler-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        s.setRemoveOnCancelPolicy(true); // cancelled periodic tasks leave the queue at once
        s.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return s;
    }

    /** Stops the scheduler: running tasks get a moment to finish, waiting ones are dropped. */
    static void shutdown(ScheduledExecutorService s) {
        s.shutdown();
        try {
            if (!s.awaitTermination(2, TimeUnit.SECONDS)) {
                log.warn("shared scheduler: tasks still running after 2 s; interrupting them");
                s.shutdownNow();
            }
        } catch (InterruptedException e) {
            s.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
