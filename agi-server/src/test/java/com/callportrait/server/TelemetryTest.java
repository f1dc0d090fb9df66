package com.callportrait.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TelemetryTest {

    @Test
    void publishesBuildInfoWithTheVersionAndTheJavaRuntime() {
        try (Telemetry t = new Telemetry()) {
            assertThat(t.scrape()).containsPattern("(?m)^callportrait_build_info\\{java=\""
                    + java.util.regex.Pattern.quote(Runtime.version().toString()) + "\",version=\""
                    + Telemetry.DEVELOPMENT_VERSION + "\"} 1(\\.0)?$");
        }
    }

    @Test
    void timersAreHistogramsEvenWhenRegisteredWithClientSidePercentiles() {
        try (Telemetry t = new Telemetry()) {
            Timer timer = Timer.builder("cp.test.latency").publishPercentiles(0.5, 0.99).register(t.registry());
            timer.record(Duration.ofMillis(40));
            String scrape = t.scrape();
            assertThat(scrape).contains("# TYPE cp_test_latency_seconds histogram")
                    .contains("cp_test_latency_seconds_bucket{le=\"+Inf\"} 1")
                    .containsPattern("cp_test_latency_seconds_bucket\\{le=\"0\\.04[0-9]*\"} 1")
                    .doesNotContain("quantile=");
        }
    }
}
