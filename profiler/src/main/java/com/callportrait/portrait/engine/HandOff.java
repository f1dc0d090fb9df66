package com.callportrait.portrait.engine;

import com.callportrait.portrait.PortraitException;
import com.callportrait.portrait.collect.BillRecord;
import com.callportrait.portrait.collect.ComplaintRecord;
import com.callportrait.portrait.collect.CustomerRecord;
import com.callportrait.portrait.collect.EnrichmentRecord;
import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.portrait.collect.RecordSink;
import com.callportrait.portrait.collect.TicketRecord;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * Moves records from the reading thread to one consumer thread in batches, in order, so that
 * reading (parsing, generating) and spilling use a core each. The queue is bounded: a slow consumer
 * blocks the reader. Records the sink ignores ({@code feedback}, {@code streamEntry}) are dropped
 * here too, as the cleaning stage drops them.
 *
 * <p>One producer thread calls the {@link RecordSink} methods and {@link #drain()} / {@link #close()};
 * the consumer thread is this object's own. After {@link #drain()} returns, everything handed over
 * has reached the target and is visible to the producer.
 */
final class HandOff implements RecordSink, AutoCloseable {
    private static final int BATCH = 2048;
    private static final Object[] END = new Object[0];

    private record Rejected(String source, long line, String reason) { }

    private record Drained(CountDownLatch latch) { }

    private final RecordSink target;
    private final BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(8);
    private final Thread consumer;
    private volatile Throwable failure;
    private Object[] batch = new Object[BATCH];
    private int size;

    HandOff(RecordSink target, String threadName) {
        this.target = target;
        this.consumer = new Thread(this::consume, threadName);
        consumer.setDaemon(true);
        consumer.start();
    }

    private void consume() {
        try {
            while (true) {
                Object[] b = queue.take();
                if (b == END) {
                    return;
                }
                for (Object r : b) {
                    if (r == null) {
                        break;
                    }
                    dispatch(r);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure = t;
            queue.clear(); // unblock the producer; it sees the failure on its next hand-over
        }
    }

    private void dispatch(Object r) {
        if (r instanceof InteractionRecord i) {
            target.interaction(i);
        } else if (r instanceof BillRecord b) {
            target.bill(b);
        } else if (r instanceof CustomerRecord c) {
            target.customer(c);
        } else if (r instanceof TicketRecord t) {
            target.ticket(t);
        } else if (r instanceof ComplaintRecord k) {
            target.complaint(k);
        } else if (r instanceof EnrichmentRecord e) {
            target.enrichment(e);
        } else if (r instanceof Rejected x) {
            target.rejected(x.source(), x.line(), x.reason());
        } else if (r instanceof Drained d) {
            d.latch().countDown();
        }
    }

    private void add(Object r) {
        batch[size++] = r;
        if (size == BATCH) {
            send();
        }
    }

    private void send() {
        if (size == 0) {
            return;
        }
        put(batch);
        batch = new Object[BATCH];
        size = 0;
    }

    private void put(Object[] b) {
        try {
            while (!queue.offer(b, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                check();
            }
            check();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortraitException("interrupted handing records over", e);
        }
    }

    private void check() {
        Throwable t = failure;
        if (t != null) {
            if (t instanceof RuntimeException re) {
                throw re;
            }
            throw new PortraitException("spilling records failed: " + t, t);
        }
    }

    /** Waits until every record handed over so far has reached the target. */
    void drain() {
        CountDownLatch latch = new CountDownLatch(1);
        add(new Drained(latch));
        send();
        try {
            while (!latch.await(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                check();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortraitException("interrupted waiting for the spill", e);
        }
    }

    @Override public void customer(CustomerRecord r) { add(r); }

    @Override public void bill(BillRecord r) { add(r); }

    @Override public void complaint(ComplaintRecord r) { add(r); }

    @Override public void ticket(TicketRecord r) { add(r); }

    @Override public void interaction(InteractionRecord r) { add(r); }

    @Override public void enrichment(EnrichmentRecord r) { add(r); }

    @Override public void rejected(String source, long line, String reason) { add(new Rejected(source, line, reason)); }

    /** Stops the consumer (after what was handed over when called from {@link #drain()}'s side). */
    @Override
    public void close() {
        queue.clear();
        queue.offer(END);
        try {
            consumer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (consumer.isAlive()) {
            consumer.interrupt();
        }
    }
}
