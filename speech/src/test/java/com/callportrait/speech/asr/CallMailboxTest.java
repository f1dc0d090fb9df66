package com.callportrait.speech.asr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallMailboxTest {

    @Test
    void processesEachCallInOrderAndNeverConcurrently() throws Exception {
        try (RecognitionPool pool = new RecognitionPool(4)) {
            int calls = 8;
            int items = 2000;
            CountDownLatch done = new CountDownLatch(calls);
            List<List<Integer>> seen = new ArrayList<>();
            AtomicInteger overlaps = new AtomicInteger();
            List<CallMailbox<Integer>> boxes = new ArrayList<>();
            for (int c = 0; c < calls; c++) {
                List<Integer> mine = Collections.synchronizedList(new ArrayList<>());
                seen.add(mine);
                AtomicInteger inside = new AtomicInteger();
                boxes.add(pool.mailbox(items, i -> {
                    if (inside.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    mine.add(i);
                    inside.decrementAndGet();
                    if (i == items - 1) {
                        done.countDown();
                    }
                }, e -> { }));
            }
            for (int i = 0; i < items; i++) {
                for (CallMailbox<Integer> b : boxes) {
                    assertThat(b.offer(i)).isTrue();
                }
            }
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(overlaps.get()).isZero();
            for (List<Integer> s : seen) {
                assertThat(s).hasSize(items).isSorted();
            }
        }
    }

    @Test
    void refusesBeyondCapacityButAlwaysTakesEndMarkers() throws Exception {
        try (RecognitionPool pool = new RecognitionPool(1)) {
            CountDownLatch gate = new CountDownLatch(1);
            List<String> got = Collections.synchronizedList(new ArrayList<>());
            CallMailbox<String> box = pool.mailbox(3, s -> {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                got.add(s);
            }, e -> { });
            assertThat(box.offer("a")).isTrue();
            // "a" may already be running; fill the queue until it refuses
            int accepted = 1;
            while (box.offer("x")) {
                accepted++;
            }
            assertThat(accepted).isBetween(3, 4);
            box.offerAlways("end");
            gate.countDown();
            long deadline = System.currentTimeMillis() + 5000;
            while (got.size() < accepted + 1 && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            assertThat(got).last().isEqualTo("end");
        }
    }
}
