package com.callportrait.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends {@link CallEvent}s to an {@link EventSink} from one background thread, so the call path
 * only pays a non-blocking {@link #offer}. While the sink fails, events stay in a bounded buffer
 * and the writer retries with backoff (up to 5 s); when the buffer is full new events are dropped
 * and counted ({@code cp_events_dropped_total}), never waited for.
 *
 * <p>The writer keeps its own thread ({@code event-writer}) rather than the application's shared
 * scheduler: it blocks on the buffer and on Redis's replies, and backs off by sleeping while Redis
 * is down.
 *
 * <p>Lifecycle: {@link #start()}, then {@link #close(Duration)} which stops taking events and
 * flushes what is buffered within the given time. Thread-safe.
 */
public final class EventWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventWriter.class);
    private static final int BATCH = 256;

    private final EventSink sink;
    private final BlockingQueue<CallEvent> queue;
    private final Counter offered;
    private final Counter written;
    private final Counter dropped;
    private final Counter retries;
    private final Thread thread;
    private volatile boolean accepting = true;
    private volatile boolean stop;
    private volatile long flushDeadlineNanos = Long.MAX_VALUE;

    private EventWriter(EventSink sink, int capacity, MeterRegistry registry) {
        this.sink = sink;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.offered = Counter.builder("cp.events.offered").description("events handed to the writer").register(registry);
        this.written = Counter.builder("cp.events.written").description("events stored in the stream").register(registry);
        this.dropped = Counter.builder("cp.events.dropped").description("events dropped: buffer full or shut down").register(registry);
        this.retries = Counter.builder("cp.events.retries").description("failed append attempts retried").register(registry);
        Gauge.builder("cp.events.queued", queue, BlockingQueue::size).description("events waiting to be written")
                .register(registry);
        Gauge.builder("cp.events.capacity", () -> capacity).description("events the buffer holds (CP_EVENTS_BUFFER)")
                .register(registry);
        this.thread = new Thread(this::loop, "event-writer");
        this.thread.setDaemon(true);
    }

    /** A writer buffering at most {@code capacity} events; call {@link #start()}. */
    public static EventWriter create(EventSink sink, int capacity, MeterRegistry registry) {
        return new EventWriter(sink, capacity, registry);
    }

    public EventWriter start() {
        thread.start();
        return this;
    }

    /** Queues an event without blocking; false (and counted) when the buffer is full or closed. */
    public boolean offer(CallEvent event) {
        offered.increment();
        if (accepting && queue.offer(event)) {
            return true;
        }
        dropped.increment();
        return false;
    }

    /** Events waiting to be written. */
    public int queued() {
        return queue.size();
    }

    /** Events stored so far. */
    public long writtenCount() {
        return (long) written.count();
    }

    /** Events dropped so far. */
    public long droppedCount() {
        return (long) dropped.count();
    }

    private void loop() {
        List<CallEvent> batch = new ArrayList<>(BATCH);
        long backoffMs = 0;
        while (true) {
            if (batch.isEmpty()) {
                if (stop && queue.isEmpty()) {
                    return;
                }
                try {
                    CallEvent first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                } catch (InterruptedException e) {
                    continue;
                }
                queue.drainTo(batch, BATCH - 1);
            }
            if (System.nanoTime() > flushDeadlineNanos) {
                int lost = batch.size() + queue.size();
                dropped.increment(lost);
                log.warn("event writer stopped with {} events unwritten (flush time exceeded)", lost);
                return;
            }
            List<CallEvent> failed;
            try {
                failed = sink.append(batch).toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                failed = batch;
            }
            written.increment(batch.size() - failed.size());
            if (failed.isEmpty()) {
                batch.clear();
                backoffMs = 0;
            } else {
                retries.increment();
                backoffMs = Math.min(5_000, Math.max(50, backoffMs * 2));
                if (backoffMs >= 400) {
                    log.warn("cannot append {} events to the stream; retrying in {} ms ({} buffered)", failed.size(),
                            backoffMs, queue.size());
                }
                batch = new ArrayList<>(failed);
                sleep(backoffMs);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops accepting events and writes what is buffered, waiting at most {@code flush}. */
    public void close(Duration flush) {
        accepting = false;
        flushDeadlineNanos = System.nanoTime() + flush.toNanos();
        stop = true;
        if (!thread.isAlive()) {
            return;
        }
        try {
            thread.join(flush.toMillis() + 12_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
