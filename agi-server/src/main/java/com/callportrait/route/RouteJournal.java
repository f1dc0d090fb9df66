package com.callportrait.route;

import static net.logstash.logback.argument.StructuredArguments.kv;

import com.callportrait.events.CallEvent;
import com.callportrait.events.EventWriter;
import com.callportrait.route.fastagi.CallMdc;
import io.netty.util.internal.PlatformDependent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the log line and the {@code route} event of each routing decision from one background
 * thread ({@code route-journal}), in batches, so a call's session pays one lock-free enqueue:
 * no message formatting, no MDC, and no wake-up of the log appender's or the event writer's
 * thread per call (each batch wakes them once). While calls arrive the thread drains every
 * {@link #BUSY_PARK_NANOS}; when idle it sleeps until the next entry wakes it (at most
 * {@link #IDLE_PARK_NANOS}), so an idle server does not spin.
 *
 * <p>Lifecycle: starts with the first entry; {@link #close()} writes what is queued and stops
 * (entries offered after that are written by the caller's thread). Thread-safe.
 */
final class RouteJournal implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RouteScript.class);
    static final long BUSY_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** One routed call, as the session left it. */
    record Entry(String callId, String uniqueId, String phone, RoutingDecision decision, String failure,
                 long lookupNanos, int roundTrips, Instant ts) {
    }

    private final EventWriter events;
    private final Queue<Entry> queue = PlatformDependent.newMpscQueue();
    private final Thread thread;
    private volatile boolean idle;
    private volatile boolean closed;
    private boolean started;

    RouteJournal(EventWriter events) {
        this.events = events;
        this.thread = new Thread(this::loop, "route-journal");
        this.thread.setDaemon(true);
    }

    /** Queues a decision for logging and its event; never blocks. */
    void offer(Entry e) {
        if (closed) {
            write(e);
            return;
        }
        queue.offer(e);
        if (!started) {
            start();
        }
        if (idle) {
            idle = false;
            LockSupport.unpark(thread);
        }
    }

    private synchronized void start() {
        if (!started) {
            started = true;
            thread.start();
        }
    }

    private void loop() {
        while (!closed) {
            if (drain() > 0) {
                LockSupport.parkNanos(this, BUSY_PARK_NANOS);
            } else {
                idle = true;
                if (queue.isEmpty()) {
                    LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                }
                idle = false;
            }
        }
        drain();
    }

    private int drain() {
        int n = 0;
        for (Entry e; (e = queue.poll()) != null; n++) {
            try {
                write(e);
            } catch (RuntimeException x) {
                log.warn("could not write the route journal entry of call {}: {}", e.callId(), x.toString());
            }
        }
        return n;
    }

    private void write(Entry e) {
        RoutingDecision d = e.decision();
        try (var m = CallMdc.of(e.callId(), e.uniqueId())) {
            if (e.failure() != null) {
                log.warn("routed on defaults (degraded): {} {} {} {}", kv("reason", e.failure()), kv("queue", d.queue()),
                        kv("priority", d.priority()), kv("round_trips", e.roundTrips()));
            } else if (log.isInfoEnabled()) {
                log.info("routed {} {} {} {} {} {}", kv("queue", d.queue()), kv("priority", d.priority()),
                        kv("rule", d.rule()), kv("phone", RouteScript.mask(e.phone())),
                        kv("lookup_us", e.lookupNanos() / 1000), kv("round_trips", e.roundTrips()));
            }
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put("queue", d.queue());
        f.put("priority", Integer.toString(d.priority()));
        f.put("segment", d.segment());
        f.put("vip", d.vip() ? "1" : "0");
        f.put("lang", d.language());
        f.put("degraded", d.degraded() ? "1" : "0");
        f.put("customer", d.customerId());
        f.put("rule", d.rule());
        f.put("round_trips", Integer.toString(e.roundTrips()));
        events.offer(new CallEvent("route", e.callId(), e.uniqueId(), e.phone(), e.ts(), f));
    }

    /** Writes everything queued, then stops the thread; later entries are written at once. */
    @Override
    public void close() {
        closed = true;
        if (started) {
            LockSupport.unpark(thread);
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
            }
        }
        drain();
    }
}
