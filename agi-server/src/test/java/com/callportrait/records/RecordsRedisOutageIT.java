package com.callportrait.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.profile.redis.EmbeddedRedis;
import com.callportrait.profile.redis.RedisConnector;
import com.callportrait.simulator.agi.AgiCaller;
import com.callportrait.simulator.ami.AmiEndpoint;
import com.callportrait.simulator.call.CallSimulator;
import com.callportrait.simulator.call.SimResult;
import com.callportrait.testkit.AppProcess;
import com.callportrait.testkit.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redis stopped mid-run: {@code serve} runs as its own process on a real redis-server
 * (embedded-redis binary, AOF on); simulated calls (FastAGI route + AMI queue events + survey) run
 * back to back; redis-server is stopped (SIGTERM: it writes its AOF and exits, nothing is lost on
 * its side) for {@code cp.fault.outage.seconds} (CI: 3; the long run: 30) while calls go on,
 * then started again on the same port and data. Asserts: every call during the outage was routed
 * (on defaults, {@code CP_DEGRADED=1}); afterwards every completed call's interaction record is in
 * {@code cp:interactions} exactly once, none lost, none doubled. Prints one {@code FAULT} summary
 * line with the figures for RELIABILITY.md.
 */
class RecordsRedisOutageIT {
    @Test
    void recordsMadeWhileRedisIsDownAreWrittenOnceWhenItReturns(@TempDir Path dir) throws Exception {
        long outageS = FaultRun.setting("cp.fault.outage.seconds", 3);
        long beforeS = FaultRun.setting("cp.fault.before.seconds", 2);
        int concurrency = (int) FaultRun.setting("cp.fault.concurrency", 6);
        String secret = "outage-it-secret";
        EmbeddedRedis redis = EmbeddedRedis.builder().dataDir(dir.resolve("redis")).freePort().build().start();
        try (AmiEndpoint ami = AmiEndpoint.create("callportrait", secret)) {
            int amiPort = ami.start("127.0.0.1", 0).getPort();
            Map<String, String> env = FaultRun.env(dir.resolve("app"), amiPort, secret);
            env.put("CP_REDIS_URI", redis.uri());
            try (AppProcess app = AppProcess.start(env, dir.resolve("app.log"), Duration.ofSeconds(90));
                 CallSimulator sim = CallSimulator.create(app.agi(), ami, Optional.empty(), concurrency, concurrency);
                 RedisConnector check = RedisConnector.connect(redis.options())) {
                Await.until(30, () -> ami.clients() == 1);
                List<SimResult> results = new ArrayList<>();
                long t = System.nanoTime();
                results.addAll(FaultRun.playWhile(sim, concurrency, 0, () -> System.nanoTime() - t < beforeS * 1_000_000_000L));
                int before = results.size();

                redis.stop();
                long down = System.nanoTime();
                Map<String, String> degraded = AgiCaller.run(app.agi(), "route", "PJSIP/trunk-probe", "1795339999.1",
                        "5551234", "Probe", "", Map.of());
                List<SimResult> during = FaultRun.playWhile(sim, concurrency, 100_000,
                        () -> System.nanoTime() - down < outageS * 1_000_000_000L);
                results.addAll(during);
                redis.start(); // same port, same data dir: the AOF is loaded again
                long up = System.nanoTime();
                long outageMs = (up - down) / 1_000_000;

                long t2 = System.nanoTime();
                results.addAll(FaultRun.playWhile(sim, concurrency, 200_000, () -> System.nanoTime() - t2 < 1_000_000_000L));

                // routing went on during the outage, on defaults
                assertThat(degraded).containsEntry("CP_DEGRADED", "1").containsKey("CP_QUEUE").containsKey("CP_UUID");
                assertThat(during).isNotEmpty().allSatisfy(r -> assertThat(r.ok()).as(r.failure()).isTrue());
                assertThat(results).allSatisfy(r -> assertThat(r.ok()).as(r.failure()).isTrue());
                Set<String> completed = results.stream().map(SimResult::callId).collect(Collectors.toSet());
                Set<String> duringIds = during.stream().map(SimResult::callId).collect(Collectors.toSet());

                // every completed call's record arrives, the outage's ones once Redis is back
                Await.until(120, () -> FaultRun.readable(() -> FaultRun.ridCounts(check, 1, false).keySet()
                        .containsAll(completed)));
                long drainMs = (System.nanoTime() - up) / 1_000_000;
                Await.until(30, () -> {
                    try {
                        return app.metric("cp_spool_entries") == 0;
                    } catch (Exception e) {
                        return false;
                    }
                });
                Map<String, Integer> counts = FaultRun.ridCounts(check, 1, false);
                long lost = completed.stream().filter(id -> !counts.containsKey(id)).count();
                long doubled = FaultRun.doubled(counts);
                double spooled = app.metric("cp_interactions_spooled_total");
                double appended = app.metric("cp_interactions_appended_total");
                double dupSkipped = app.metric("cp_interactions_duplicates_skipped_total");
                System.out.printf("FAULT redis-outage: outage_ms=%d calls=%d (before=%d during=%d after=%d)"
                                + " records_accepted=%.0f written=%.0f lost=%d doubled=%d duplicates_skipped=%.0f"
                                + " all_written_ms_after_redis_back=%d%n", outageMs, results.size(), before,
                        during.size(), results.size() - before - during.size(), spooled, appended, lost, doubled,
                        dupSkipped, drainMs);
                assertThat(lost).isZero();
                assertThat(doubled).isZero();
                assertThat(counts.keySet()).containsAll(duringIds);
                assertThat(counts.keySet()).isEqualTo(completed); // no record of a call that did not end
                assertThat(app.stop(Duration.ofSeconds(30))).as("stopped on SIGTERM").isNotEqualTo(-1);
            }
        } finally {
            redis.stop();
        }
    }
}
