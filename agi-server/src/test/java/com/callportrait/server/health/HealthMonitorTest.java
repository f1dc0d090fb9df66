package com.callportrait.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthMonitorTest {
    /** A check whose answer the test sets. */
    static final class Settable implements HealthCheck {
        final String name;
        final boolean critical;
        final AtomicReference<CompletionStage<CheckResult>> next = new AtomicReference<>(
                CompletableFuture.completedFuture(CheckResult.up(Map.of())));

        Settable(String name, boolean critical) {
            this.name = name;
            this.critical = critical;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean critical() {
            return critical;
        }

        @Override
        public CompletionStage<CheckResult> check() {
            return next.get();
        }

        void set(CheckResult r) {
            next.set(CompletableFuture.completedFuture(r));
        }
    }

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void nonCriticalDownIsDegradedCriticalDownIsDownAndDrainIsDown() {
        Settable agi = new Settable("agi", true);
        Settable redis = new Settable("redis", false);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        HealthMonitor m = HealthMonitor.create(List.of(agi, redis), Duration.ofHours(1), Duration.ofMillis(200),
                Clock.systemUTC(), registry, scheduler);
        m.evaluate();
        assertThat(m.report().status()).isEqualTo(HealthState.UP);
        var firstSince = m.report().checks().get("redis").since();

        redis.set(CheckResult.down("connection refused", Map.of()));
        m.evaluate();
        assertThat(m.report().status()).isEqualTo(HealthState.DEGRADED);
        assertThat(m.report().ready()).isTrue();
        assertThat(m.report().reason()).isEqualTo("redis DOWN: connection refused");
        var downSince = m.report().checks().get("redis").since();
        assertThat(downSince).isAfterOrEqualTo(firstSince);
        m.evaluate(); // same state: since does not move
        assertThat(m.report().checks().get("redis").since()).isEqualTo(downSince);
        assertThat(registry.get("cp.health.status").tag("check", "redis").gauge().value()).isEqualTo(0.0);
        assertThat(registry.get("cp.health.transitions").tag("check", "redis").tag("to", "DOWN").counter().count())
                .isEqualTo(1.0);

        agi.set(CheckResult.down("FastAGI server not listening", Map.of()));
        m.evaluate();
        assertThat(m.report().status()).isEqualTo(HealthState.DOWN);
        assertThat(m.report().ready()).isFalse();

        agi.set(CheckResult.up(Map.of()));
        redis.set(CheckResult.up(Map.of()));
        m.evaluate();
        assertThat(m.report().status()).isEqualTo(HealthState.UP);
        m.drain();
        assertThat(m.report().status()).as("published at once").isEqualTo(HealthState.DOWN);
        assertThat(m.report().reason()).contains("shutting down");
        m.evaluate();
        assertThat(m.report().status()).isEqualTo(HealthState.DOWN);
        assertThat(m.report().reason()).contains("shutting down");
        m.close();
    }

    @Test
    void aCheckThatDoesNotAnswerInTimeIsDown() {
        Settable slow = new Settable("redis", false);
        slow.next.set(new CompletableFuture<>()); // never completes
        HealthMonitor m = HealthMonitor.create(List.of(slow), Duration.ofHours(1), Duration.ofMillis(50),
                Clock.systemUTC(), new SimpleMeterRegistry(), scheduler);
        m.evaluate();
        var e = m.report().checks().get("redis");
        assertThat(e.result().state()).isEqualTo(HealthState.DOWN);
        assertThat(e.result().reason()).isEqualTo("no answer within 50 ms");
        assertThat(m.report().toJson()).containsEntry("status", "DEGRADED").containsKey("checks");
        m.close();
    }

    @Test
    void counterWindowReportsTheIncreaseOverTheLastSamples() {
        CounterWindow w = new CounterWindow(3);
        assertThat(w.add(0)).isZero();
        assertThat(w.add(5)).isEqualTo(5);
        assertThat(w.add(5)).isEqualTo(5);
        assertThat(w.add(5)).isEqualTo(5); // 0 still within the window
        assertThat(w.add(5)).isZero();     // window is 5,5,5 now
    }
}
