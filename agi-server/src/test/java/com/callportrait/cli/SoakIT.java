package com.callportrait.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.cli.InProcessTarget;
import com.callportrait.common.config.Env;
import com.callportrait.live.LiveOptions;
import com.callportrait.profile.imports.DemoCustomers;
import com.callportrait.server.AppOptions;
import com.callportrait.server.Application;
import com.callportrait.server.RedisBackend;
import com.callportrait.server.SpeechSettings;
import com.callportrait.server.Telemetry;
import com.callportrait.simulator.call.SimulatedAsterisk;
import com.callportrait.simulator.soak.SoakOptions;
import com.callportrait.simulator.soak.SoakReport;
import com.callportrait.simulator.soak.SoakRun;
import com.callportrait.simulator.soak.SoakSample;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short soak of CI: 40 calls kept up for 30 s against the application on loopback (real
 * FastAGI, AMI, WebSocket pops, embedded redis-server; speech off: Vosk cannot keep up with real
 * audio on a CI runner and {@code LiveSpeechIT} covers it), through {@link SoakRun}, the same code
 * as the {@code soak} command.
 *
 * <p>Heap: a 30 s run cannot tell a slow leak from warm-up (JIT, lazily created meters, pools
 * filling), so the check is lenient: the live heap (after a forced full GC) in the last window
 * may exceed the first window's by at most 24 MB — it catches gross per-call retention (100 calls
 * holding 250 KB each would fail it); the 10-minute {@code soak} judges the slope.
 * Threads: back to the baseline (plus the few a {@code java.net.http} client keeps until it is
 * collected) once the calls have ended.
 */
class SoakIT {
    @Test
    void fortyCallsForThirtySecondsAllCompleteWithOneRecordEachAndNothingGrows(@TempDir Path dir) throws Exception {
        AppOptions o = AppOptions.from(Env.of(Map.of("CP_BIND_ADDRESS", "127.0.0.1"))).withRedis(Optional.empty(), 0)
                .withPorts(0, 0, 0).withDataDir(dir);
        SoakOptions so = new SoakOptions(40, Duration.ofSeconds(30), Duration.ofSeconds(3), Duration.ofSeconds(8),
                0.5, 0, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ZERO, Duration.ZERO, 1_000, 8, 7);
        StringWriter progress = new StringWriter();
        SoakReport r;
        try (RedisBackend redis = RedisBackend.open(o, RedisBackend.Embedded.START_ANY_PORT);
             Telemetry telemetry = new Telemetry();
             SimulatedAsterisk demo = SimulatedAsterisk.start()) {
            DemoCustomers.seed(redis.store(), o.phones(), Clock.systemUTC());
            try (Application stack = Application.start(o, InProcessTarget.liveOptions(LiveOptions.from(Env.of(Map.of())), demo), SpeechSettings.off(), redis,
                    telemetry)) {
                r = SoakRun.run(InProcessTarget.of(stack), demo, redis.embedded().orElseThrow().uri(),
                        InProcessTarget.demoCallers(o.phones()),
                        so, new PrintWriter(progress, true));
            }
        }
        System.out.println(progress);
        System.out.println(r.toMarkdown());

        List<SoakSample> s = r.samples();
        SoakSample last = s.get(s.size() - 1);
        assertThat(last.failed()).as("failed calls").isZero();
        assertThat(last.completed()).as("completed calls").isEqualTo(last.started()).isGreaterThan(70);
        assertThat(last.liveCalls()).as("calls left in the live state").isZero();
        assertThat(s.stream().mapToLong(SoakSample::concurrent).max().orElse(0)).isGreaterThanOrEqualTo(30);

        assertThat(r.records().expected()).isEqualTo((int) last.completed());
        assertThat(r.records().missing()).as("calls without a record").isEmpty();
        assertThat(r.records().doubled()).as("calls with more than one record").isEmpty();
        assertThat(r.records().exactlyOnce()).isTrue();
        assertThat(r.records().foreign()).as("records of calls that did not complete").isZero();
        assertThat(r.duplicateActions()).isEmpty();
        assertThat(r.totals().get("AMI actions received")).contains("QueueChangePriorityCaller");

        assertThat(r.threadsAfter()).as("threads after the run vs before").isLessThanOrEqualTo(r.threadsBaseline() + 8);
        List<SoakSample> live = s.stream().filter(x -> x.liveHeapMb() >= 0).toList();
        assertThat(live).hasSizeGreaterThanOrEqualTo(5);
        // the first window after the ramp (calls up) against the last window with calls up
        double first = live.get(1).liveHeapMb();
        double end = live.get(live.size() - 2).liveHeapMb();
        assertThat(end).as("live heap, last window vs second window (MB)").isLessThan(first + 24);
    }
}
