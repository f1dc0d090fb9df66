package com.callportrait.server.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates every {@link HealthCheck} once per interval on the application's shared scheduler and
 * keeps the last {@link HealthReport}. An evaluation never blocks the scheduler: the checks are
 * asynchronous, their results are collected when the last one answers (or times out), and a new
 * round starts only when the previous one finished. A change of a check's state is
 * logged once (WARN when it gets worse, INFO when it recovers, with how long the episode lasted),
 * counted in {@code cp_health_transitions_total{check,to}} and shown in
 * {@code cp_health_status{check}} (2 up, 1 degraded, 0 down). {@link #drain()} marks the
 * application as shutting down: DOWN, so load balancers stop sending calls while live ones finish.
 *
 * <p>Thread-safe. Lifecycle: {@link #create}, {@link #start()} (evaluates once before returning,
 * so the first probe already has an answer), {@link #close()} (stops the periodic evaluation; the
 * scheduler belongs to the caller).
 */
public final class HealthMonitor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HealthMonitor.class);

    private final List<HealthCheck> checks;
    private final Duration interval;
    private final Duration timeout;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<String, HealthReport.Entry> entries = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean evaluating = new AtomicBoolean();
    private volatile ScheduledFuture<?> periodic;
    private volatile HealthReport report;
    private volatile boolean draining;
    private volatile long lastRunNanos = System.nanoTime();

    private HealthMonitor(List<HealthCheck> checks, Duration interval, Duration timeout, Clock clock,
                          MeterRegistry registry, ScheduledExecutorService scheduler) {
        this.checks = List.copyOf(checks);
        this.scheduler = scheduler;
        this.interval = interval;
        this.timeout = timeout;
        this.clock = clock;
        this.registry = registry;
        Instant now = clock.instant();
        this.report = new HealthReport(HealthState.DOWN, "starting", Map.of(), now);
        for (HealthCheck c : this.checks) {
            Gauge.builder("cp.health.status", entries, m -> {
                HealthReport.Entry e = m.get(c.name());
                return e == null ? 0 : e.result().state().gaugeValue();
            }).tag("check", c.name()).description("state of a dependency: 2 up (or off), 1 degraded, 0 down")
                    .register(registry);
        }
    }

    /**
     * @param interval time between evaluations (1 s in the application)
     * @param timeout  how long a check may take before it counts as DOWN
     * @param scheduler where evaluations run (the application's shared scheduler)
     */
    public static HealthMonitor create(List<HealthCheck> checks, Duration interval, Duration timeout, Clock clock,
                                       MeterRegistry registry, ScheduledExecutorService scheduler) {
        return new HealthMonitor(checks, interval, timeout, clock, registry, scheduler);
    }

    public HealthMonitor start() {
        evaluate();
        periodic = scheduler.scheduleWithFixedDelay(this::evaluateInBackground, interval.toMillis(),
                interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** The last report (at most one interval old). */
    public HealthReport report() {
        return report;
    }

    /** Time since the monitor last finished an evaluation: a wedged process stops evaluating. */
    public Duration sinceLastRun() {
        return Duration.ofNanos(System.nanoTime() - lastRunNanos);
    }

    /**
     * From now on the application is DOWN ("shutting down"), published at once from the last readings.
     * The checks are not run here: a round may be running on the scheduler, and the stateful checks
     * are evaluated one round at a time.
     */
    public void drain() {
        draining = true;
        synchronized (this) {
            Map<String, HealthReport.Entry> last = new LinkedHashMap<>();
            for (HealthCheck c : checks) {
                HealthReport.Entry e = entries.get(c.name());
                if (e != null) {
                    last.put(c.name(), e);
                }
            }
            report = summarise(last, clock.instant());
        }
    }

    /** Runs every check now and waits for the new report (start-up and tests). */
    void evaluate() {
        evaluateAsync().join();
    }

    /** The periodic round: skipped while the previous one still waits for an answer. */
    private void evaluateInBackground() {
        if (evaluating.compareAndSet(false, true)) {
            evaluateAsync().whenComplete((ok, err) -> evaluating.set(false));
        }
    }

    /** Starts every check; the report is published on the scheduler once all have answered or timed out. */
    private CompletableFuture<Void> evaluateAsync() {
        try {
            List<CompletableFuture<CheckResult>> running = new ArrayList<>(checks.size());
            for (HealthCheck c : checks) {
                running.add(start(c));
            }
            return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
                    .thenRunAsync(() -> publish(running), scheduler)
                    .exceptionally(e -> {
                        log.error("health evaluation failed", e); // /health/live shows staleness
                        return null;
                    });
        } catch (RuntimeException e) {
            log.error("health evaluation failed", e);
            return CompletableFuture.completedFuture(null);
        }
    }

    private synchronized void publish(List<CompletableFuture<CheckResult>> results) {
        Instant now = clock.instant();
        Map<String, HealthReport.Entry> out = new LinkedHashMap<>();
        for (int i = 0; i < checks.size(); i++) {
            HealthCheck c = checks.get(i);
            out.put(c.name(), transition(c, results.get(i).join(), now));
        }
        report = summarise(out, now);
        lastRunNanos = System.nanoTime();
    }

    private CompletableFuture<CheckResult> start(HealthCheck c) {
        CompletableFuture<CheckResult> f;
        try {
            f = c.check().toCompletableFuture();
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        return f.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).handle((ok, err) -> {
            if (err == null) {
                return ok;
            }
            Throwable cause = err instanceof java.util.concurrent.CompletionException && err.getCause() != null
                    ? err.getCause() : err;
            return CheckResult.down(cause instanceof TimeoutException
                    ? "no answer within " + timeout.toMillis() + " ms" : String.valueOf(cause.getMessage()), Map.of());
        });
    }

    private HealthReport.Entry transition(HealthCheck c, CheckResult r, Instant now) {
        HealthReport.Entry before = entries.get(c.name());
        HealthState was = before == null ? null : before.result().state();
        Instant since = before != null && was == r.state() ? before.since() : now;
        HealthReport.Entry e = new HealthReport.Entry(r, since, c.critical());
        entries.put(c.name(), e);
        if (was == r.state()) {
            return e;
        }
        Counter.builder("cp.health.transitions").tag("check", c.name()).tag("to", r.state().name())
                .description("changes of a dependency's state").register(registry).increment();
        if (was == null) {
            if (!r.state().healthy()) {
                // INFO: at start a dependency may still be connecting; a lasting problem shows later
                log.info("health: {} is {} at start: {}", c.name(), r.state(), r.reason());
            }
        } else if (r.state().healthy()) {
            log.info("health: {} {} -> {} after {} s{}", c.name(), was, r.state(),
                    String.format(java.util.Locale.ROOT, "%.1f", Duration.between(before.since(), now).toMillis() / 1000.0),
                    r.reason().isEmpty() ? "" : " (" + r.reason() + ")");
        } else if (draining) {
            log.info("health: {} {} -> {} while shutting down: {}", c.name(), was, r.state(), r.reason());
        } else {
            log.warn("health: {} {} -> {}: {}", c.name(), was, r.state(), r.reason());
        }
        return e;
    }

    private HealthReport summarise(Map<String, HealthReport.Entry> out, Instant now) {
        if (draining) {
            return new HealthReport(HealthState.DOWN, "shutting down: no new calls", out, now);
        }
        HealthState status = HealthState.UP;
        String reason = "";
        for (var e : out.entrySet()) {
            CheckResult r = e.getValue().result();
            if (r.state() == HealthState.DOWN && e.getValue().critical()) {
                return new HealthReport(HealthState.DOWN, e.getKey() + ": " + r.reason(), out, now);
            }
            if (!r.state().healthy() && status == HealthState.UP) {
                status = HealthState.DEGRADED;
                reason = e.getKey() + " " + r.state() + ": " + r.reason();
            }
        }
        return new HealthReport(status, reason, out, now);
    }

    @Override
    public void close() {
        ScheduledFuture<?> p = periodic;
        if (p != null) {
            p.cancel(false);
        }
    }
}
