package com.callportrait.simulator.soak;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.simulator.call.SimCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoakPlanTest {
    private final SoakOptions options = SoakOptions.defaults();

    @Test
    void waitsAreExponentialAndTalkTimesLogNormalAroundTheGivenMedian() {
        SoakPlan plan = new SoakPlan(options, List.of());
        List<Long> waits = new ArrayList<>();
        List<Long> talks = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            SimCall c = plan.next(Duration.ofHours(1));
            waits.add(c.queueWait().toMillis());
            talks.add(c.talk().toMillis());
        }
        double meanWait = waits.stream().mapToLong(x -> x).average().orElseThrow();
        // capped at 4x the mean: the mean of the capped exponential is (1 - e^-4) of it
        assertThat(meanWait).isBetween(0.95 * 20_000 * (1 - Math.exp(-4)), 1.05 * 20_000);
        assertThat(waits).allMatch(w -> w <= 80_000);
        talks.sort(null);
        assertThat(talks.get(talks.size() / 2)).isBetween(57_000L, 63_000L);
        // sigma 0.6: p95 = median * e^(1.645 * 0.6) = 2.68x
        assertThat(talks.get((int) (talks.size() * 0.95))).isBetween(150_000L, 172_000L);
        assertThat(talks).allMatch(t -> t >= 5_000 && t <= 600_000);
    }

    @Test
    void aCallThatWouldOutlastTheRunIsShortenedToFitIt() {
        SoakPlan plan = new SoakPlan(options, List.of());
        for (int i = 0; i < 1_000; i++) {
            SimCall c = plan.next(Duration.ofSeconds(30));
            assertThat(c.queueWait().plus(c.talk())).isLessThanOrEqualTo(Duration.ofSeconds(30));
        }
    }

    @Test
    void theSameSeedPlaysTheSameCalls() {
        SimCall a = new SoakPlan(options, List.of()).next(Duration.ofHours(1));
        SimCall b = new SoakPlan(options, List.of()).next(Duration.ofHours(1));
        assertThat(a).isEqualTo(b);
    }

    @Test
    void linesStartSpreadOverTheRampUp() {
        assertThat(SoakPlan.rampMillis(0, 200, Duration.ofMinutes(10))).isZero();
        assertThat(SoakPlan.rampMillis(199, 200, Duration.ofMinutes(10))).isEqualTo(29_850);
        assertThat(SoakPlan.rampMillis(39, 40, Duration.ofSeconds(30))).isEqualTo(2_925);
    }
}
