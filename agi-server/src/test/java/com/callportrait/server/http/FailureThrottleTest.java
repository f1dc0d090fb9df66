package com.callportrait.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FailureThrottleTest {
    /** A clock the test moves by hand. */
    static final class Hand extends Clock {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aSourceIsBlockedAfterItsFailuresUntilTheWindowEndsAndOthersAreNot() throws Exception {
        Hand clock = new Hand();
        FailureThrottle t = new FailureThrottle(3, Duration.ofMinutes(1), clock);
        InetAddress a = InetAddress.getByName("192.0.2.1");
        InetAddress b = InetAddress.getByName("192.0.2.2");
        t.failed(a);
        t.failed(a);
        assertThat(t.blocked(a)).isFalse();
        t.failed(a);
        assertThat(t.blocked(a)).isTrue();
        assertThat(t.blocked(b)).as("per source").isFalse();
        clock.now = clock.now.plusSeconds(20);
        assertThat(t.retryAfter(a)).isEqualTo(Duration.ofSeconds(40));
        clock.now = clock.now.plusSeconds(40);
        assertThat(t.blocked(a)).as("a new window").isFalse();
        t.failed(a);
        assertThat(t.blocked(a)).isFalse();
    }

    @Test
    void theTableStaysBoundedUnderAFloodOfAddresses() throws Exception {
        FailureThrottle t = new FailureThrottle(1, Duration.ofMinutes(1), new Hand());
        for (int i = 0; i < FailureThrottle.MAX_SOURCES + 500; i++) {
            t.failed(InetAddress.getByAddress(new byte[] {10, (byte) (i >> 16), (byte) (i >> 8), (byte) i}));
        }
        assertThat(t.tracked()).isLessThanOrEqualTo(FailureThrottle.MAX_SOURCES);
    }
}
