package com.callportrait.route;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Meters of the route script. Thread-safe. */
public final class RouteMetrics {
    private final MeterRegistry registry;
    private final Timer lookup;
    private final DistributionSummary roundTrips;
    private final Counter decisions;
    private final Map<String, Counter> degraded = new ConcurrentHashMap<>();

    public RouteMetrics(MeterRegistry registry) {
        this.registry = registry;
        lookup = Timer.builder("cp.route.lookup.duration").description("profile lookup time on the call path")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(50_000)).maximumExpectedValue(Duration.ofSeconds(2))
                .register(registry);
        roundTrips = DistributionSummary.builder("cp.route.round.trips")
                .description("AGI round trips the route script needed for one call").register(registry);
        decisions = Counter.builder("cp.route.decisions").description("routing decisions made").register(registry);
    }

    void lookup(long nanos) {
        lookup.record(Duration.ofNanos(nanos));
    }

    void decided(int trips) {
        decisions.increment();
        roundTrips.record(trips);
    }

    /** Counts a call routed on defaults because of {@code reason} (timeout, redis_error). */
    void degraded(String reason) {
        degraded.computeIfAbsent(reason, r -> Counter.builder("cp.route.degraded")
                .description("calls routed on defaults because the profile could not be read in time")
                .tag("reason", r).register(registry)).increment();
    }
}
