package com.callportrait.speech.asr;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The bounded pool of recognition threads (one per core by default) shared by all calls. Work
 * reaches it only through per-call {@link CallMailbox}es, so each call's audio is processed in
 * order by one thread at a time while different calls run in parallel; a drain runs a bounded
 * batch and then yields the thread, so a call with a backlog cannot starve the others. Decoding is
 * long, blocking CPU work, so the pool is its own and never shared with timers or I/O.
 *
 * <p>Thread-safe. Lifecycle: created at start-up, {@link #close()} at shutdown.
 */
public final class RecognitionPool implements AutoCloseable {
    private final ThreadPoolExecutor executor;
    private final int workers;

    public RecognitionPool(int workers) {
        this.workers = workers;
        AtomicInteger n = new AtomicInteger();
        // the queue holds at most one drain task per call with audio waiting, so it is bounded by
        // the number of calls; audio itself is bounded per call by the mailboxes
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "cp-asr-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    public int workers() {
        return workers;
    }

    /** Calls waiting for a thread: above the number of workers the pool is falling behind. */
    public int waitingCalls() {
        return executor.getQueue().size();
    }

    /** A new serial mailbox whose items {@code handler} processes one at a time, in order. */
    public <T> CallMailbox<T> mailbox(int capacity, Consumer<T> handler, Consumer<RuntimeException> onError) {
        return new CallMailbox<>(executor, capacity, handler, onError);
    }

    /**
     * Binds Micrometer's executor meters for this pool: {@code cp_executor_pool_size_threads},
     * {@code cp_executor_active_threads}, {@code cp_executor_queued_tasks} (calls waiting for a
     * thread), {@code cp_executor_completed_tasks_total}, ... tagged {@code name=speech-recognition}.
     */
    public void bindTo(MeterRegistry registry) {
        new ExecutorServiceMetrics(executor, "speech-recognition", "cp", Tags.empty()).bindTo(registry);
    }

    ExecutorService executor() {
        return executor;
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
