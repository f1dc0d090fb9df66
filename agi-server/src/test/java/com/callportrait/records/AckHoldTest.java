package com.callportrait.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AckHoldTest {
    private static final long MS = 1_000_000L;

    @Test
    void aBatchIsReleasedOnlyAfterTheDelayAndInOrder() {
        AckHold hold = new AckHold(Duration.ofMillis(2000));
        hold.appended(10, 10, 0);
        hold.appended(25, 15, 500 * MS);
        hold.appended(40, 15, 1900 * MS);
        assertThat(hold.heldEntries()).isEqualTo(40);
        assertThat(hold.ripe(1999 * MS)).isEqualTo(-1);
        assertThat(hold.ripe(2000 * MS)).isEqualTo(10);
        assertThat(hold.heldEntries()).isEqualTo(30);
        assertThat(hold.ripe(2000 * MS)).isEqualTo(-1);
        assertThat(hold.ripe(3950 * MS)).isEqualTo(40); // both later batches at once: the highest
        assertThat(hold.isEmpty()).isTrue();
        assertThat(hold.heldEntries()).isZero();
    }

    @Test
    void noDelayReleasesAtOnce() {
        AckHold hold = new AckHold(Duration.ZERO);
        hold.appended(7, 1, 100);
        assertThat(hold.ripe(100)).isEqualTo(7);
        assertThat(hold.isEmpty()).isTrue();
    }
}
