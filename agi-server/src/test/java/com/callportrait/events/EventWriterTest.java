package com.callportrait.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventWriterTest {
    private static CallEvent event(int i) {
        return new CallEvent("route", "call-" + i, "1." + i, "5551234", Instant.parse("2026-01-01T00:00:00Z"),
                Map.of("queue", "support"));
    }

    @Test
    void bodyPutsTheCommonFieldsFirst() {
        CallEvent e = new CallEvent("route", "u", "1.2", "5551234", Instant.parse("2026-01-01T00:00:00Z"),
                new java.util.LinkedHashMap<>(Map.of("queue", "billing")));
        assertThat(e.body().keySet()).containsExactly("type", "call", "uniqueid", "phone", "ts", "queue");
        assertThat(e.body()).containsEntry("ts", "2026-01-01T00:00:00Z");
        assertThatThrownBy(() -> new CallEvent("route", "u", "", "", Instant.now(), Map.of("call", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallEvent("Bad Type", "u", "", "", Instant.now(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retriesOnlyWhatFailedSoNothingIsLostOrDoubled() throws Exception {
        List<String> stored = new CopyOnWriteArrayList<>();
        int[] calls = {0};
        EventSink flaky = batch -> {
            calls[0]++;
            // First attempt: every other event fails (as a dropped connection would).
            List<CallEvent> failed = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                if (calls[0] == 1 && i % 2 == 1) {
                    failed.add(batch.get(i));
                } else {
                    stored.add(batch.get(i).call());
                }
            }
            return CompletableFuture.completedFuture(failed);
        };
        SimpleMeterRegistry reg = new SimpleMeterRegistry();
        EventWriter w = EventWriter.create(flaky, 100, reg);
        for (int i = 0; i < 10; i++) {
            assertThat(w.offer(event(i))).isTrue();
        }
        w.start();
        w.close(Duration.ofSeconds(5));
        assertThat(stored).hasSize(10).doesNotHaveDuplicates();
        assertThat(w.writtenCount()).isEqualTo(10);
        assertThat(reg.get("cp.events.retries").counter().count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aFullBufferDropsAndCountsInsteadOfBlocking() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        EventSink stuck = batch -> {
            CompletableFuture<List<CallEvent>> f = new CompletableFuture<>();
            CompletableFuture.runAsync(() -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                f.complete(List.of());
            });
            return f;
        };
        SimpleMeterRegistry reg = new SimpleMeterRegistry();
        EventWriter w = EventWriter.create(stuck, 10, reg);
        int accepted = 0;
        for (int i = 0; i < 25; i++) {
            accepted += w.offer(event(i)) ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(10);
        assertThat(w.droppedCount()).isEqualTo(15);
        w.start();
        release.countDown();
        w.close(Duration.ofSeconds(5));
        assertThat(w.writtenCount()).isEqualTo(10);
        assertThat(w.offer(event(99))).as("closed writers take nothing").isFalse();
    }
}
