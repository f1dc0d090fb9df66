package com.callportrait.server.health;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The backlogs that wait for Redis: live events ({@code cp_events_queued}, buffer of
 * {@code CP_EVENTS_BUFFER}) and interaction records, both those waiting for their fsync
 * ({@code cp_interactions_queued}) and those accepted into the disk spool but not yet appended
 * ({@code cp_interactions_unsent}; the spool also holds appended records a little longer, which
 * are not a backlog); records lost are {@code cp_interactions_dropped} (memory queue
 * full) plus {@code cp_spool_rejected} (spool at its size cap). Read from
 * the meter registry, so it needs no reference to the writers. DEGRADED while anything was dropped
 * in the window (data lost: buffer full) or while a backlog builds up (Redis slow or down); UP when
 * both drain. Not thread-safe (keeps a window of readings): its {@link HealthMonitor} calls it, one
 * evaluation at a time.
 */
public final class BacklogCheck implements HealthCheck {
    /** Records waiting beyond this many mean the appender cannot keep up. */
    static final int RECORDS_WARN = 100;

    private final MeterRegistry registry;
    private final int eventsCapacity;
    private final CounterWindow eventsDropped;
    private final CounterWindow recordsDropped;

    /** @param windowSamples evaluations the drop counters are compared over */
    public BacklogCheck(MeterRegistry registry, int eventsCapacity, int windowSamples) {
        this.registry = registry;
        this.eventsCapacity = eventsCapacity;
        this.eventsDropped = new CounterWindow(windowSamples);
        this.recordsDropped = new CounterWindow(windowSamples);
    }

    @Override
    public String name() {
        return "backlog";
    }

    @Override
    public CompletionStage<CheckResult> check() {
        long events = gauge("cp.events.queued");
        long records = gauge("cp.interactions.queued") + gauge("cp.interactions.unsent");
        long evDrop = eventsDropped.add(counter("cp.events.dropped"));
        long recDrop = recordsDropped.add(counter("cp.interactions.dropped") + counter("cp.spool.rejected"));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("events_queued", events);
        d.put("events_capacity", eventsCapacity);
        d.put("records_queued", records);
        CheckResult r;
        if (evDrop > 0 || recDrop > 0) {
            r = CheckResult.degraded("dropping: " + evDrop + " events and " + recDrop
                    + " interaction records lost recently (buffer or spool full)", d);
        } else if (events * 10 >= eventsCapacity && events > 0) {
            r = CheckResult.degraded(events + " of " + eventsCapacity + " events buffered: Redis slow or down", d);
        } else if (records >= RECORDS_WARN) {
            r = CheckResult.degraded(records + " interaction records waiting: Redis slow or down", d);
        } else {
            r = CheckResult.up(d);
        }
        return CompletableFuture.completedFuture(r);
    }

    private long gauge(String name) {
        var g = registry.find(name).gauge();
        return g == null ? 0 : (long) g.value();
    }

    private long counter(String name) {
        var c = registry.find(name).counter();
        return c == null ? 0 : (long) c.count();
    }
}
