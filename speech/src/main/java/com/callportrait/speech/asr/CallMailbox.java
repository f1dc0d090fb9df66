package com.callportrait.speech.asr;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A bounded, serial queue of work for one call (an actor's mailbox). {@link #offer} never blocks:
 * when {@code capacity} items are waiting it refuses, and the caller sheds. Items are handled in
 * order, never by two threads at once, and each drain handles at most {@value #BATCH} items
 * before giving the thread back to the pool.
 *
 * <p>Thread-safe for producers; the handler runs on pool threads with a happens-before edge
 * between consecutive drains (the {@code scheduled} flag), so it may keep unsynchronised state.
 */
public final class CallMailbox<T> {
    static final int BATCH = 25;

    private final Executor executor;
    private final int capacity;
    private final Consumer<T> handler;
    private final Consumer<RuntimeException> onError;
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    CallMailbox(Executor executor, int capacity, Consumer<T> handler, Consumer<RuntimeException> onError) {
        this.executor = executor;
        this.capacity = capacity;
        this.handler = handler;
        this.onError = onError;
    }

    /** Queues {@code item} unless {@code capacity} items are already waiting. */
    public boolean offer(T item) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return false;
        }
        queue.add(item);
        schedule();
        return true;
    }

    /** Queues {@code item} regardless of the bound (end-of-call markers must never be lost). */
    public void offerAlways(T item) {
        size.incrementAndGet();
        queue.add(item);
        schedule();
    }

    /** Items waiting. */
    public int backlog() {
        return size.get();
    }

    /** Items that may wait before {@link #offer} refuses. */
    public int capacity() {
        return capacity;
    }

    /** The oldest item waiting, or null (a racy snapshot, for measuring how far behind the call is). */
    public T oldest() {
        return queue.peek();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                scheduled.set(false); // shutting down
            }
        }
    }

    private void drain() {
        try {
            for (int n = 0; n < BATCH; n++) {
                T item = queue.poll();
                if (item == null) {
                    break;
                }
                size.decrementAndGet();
                try {
                    handler.accept(item);
                } catch (RuntimeException e) {
                    onError.accept(e);
                }
            }
        } finally {
            scheduled.set(false);
            if (!queue.isEmpty()) {
                schedule();
            }
        }
    }
}
