package com.callportrait.route.fastagi;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * FastAGI meters: sessions by outcome, live sessions, session latency (environment received to
 * socket closed) and round trips per session. Thread-safe.
 */
public final class AgiMetrics {
    private final MeterRegistry registry;
    private final AtomicInteger active = new AtomicInteger();
    private final Timer latency;
    private final DistributionSummary roundTrips;
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();

    public AgiMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("cp.agi.sessions.active", active);
        latency = Timer.builder("cp.agi.session.duration")
                .description("FastAGI session time from the end of the environment block to the socket close")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        roundTrips = DistributionSummary.builder("cp.agi.session.round.trips")
                .description("AGI commands (network round trips) per session")
                .register(registry);
    }

    void opened() {
        active.incrementAndGet();
    }

    void closed(AgiOutcome outcome, long sessionNanos, int commands) {
        active.decrementAndGet();
        outcomes.computeIfAbsent(outcome.tag(), t -> Counter.builder("cp.agi.sessions")
                .description("FastAGI sessions by how they ended").tag("outcome", t).register(registry)).increment();
        if (sessionNanos >= 0) {
            latency.record(Duration.ofNanos(sessionNanos));
            roundTrips.record(commands);
        }
    }

    /** Sessions currently open. */
    public int active() {
        return active.get();
    }
}
