package com.callportrait.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.live.calls.CallRegistry;
import com.callportrait.live.calls.RoutedCall;
import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.portrait.collect.InteractionStream;
import com.callportrait.profile.redis.EmbeddedRedis;
import com.callportrait.profile.redis.RedisConnector;
import com.callportrait.records.spool.Journal;
import com.callportrait.records.spool.SpoolOptions;
import com.callportrait.testkit.Await;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.cluster.SlotHash;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The record path on a real (embedded) redis-server: the idempotent append stores a record id once
 * however often it is sent; records ended while Redis is stopped are spooled, survive the
 * recorder's close, and are appended once when a new recorder opens the spool with Redis back; a
 * spool replayed after its records already reached Redis (a crash between XADD and the
 * acknowledgement) adds nothing; a full spool refuses and counts what does not fit and loses none of
 * what it accepted.
 */
class RecordSpoolIT {
    private static final Duration TTL = Duration.ofHours(1);

    @Test
    void anAppendWithTheSameRecordIdIsStoredOnce(@TempDir Path dir) throws Exception {
        try (EmbeddedRedis redis = EmbeddedRedis.builder().dataDir(dir.resolve("redis")).freePort().build().start();
             RedisConnector c = RedisConnector.connect(redis.options())) {
            InteractionStream stream = new InteractionStream(c, 4);
            InteractionRecord r = record("cp-uuid-once");
            InteractionStream.Appended first = stream.appendOnce("cp-uuid-once", r, TTL).toCompletableFuture().get();
            InteractionStream.Appended again = stream.appendOnce("cp-uuid-once", r, TTL).toCompletableFuture().get();
            assertThat(first.duplicate()).isFalse();
            assertThat(again.duplicate()).isTrue();
            assertThat(again.entryId()).isEqualTo(first.entryId());
            int p = stream.partitionOf(r);
            List<StreamMessage<String, String>> all = c.sync().xrange(InteractionStream.key(p), Range.create("-", "+"));
            assertThat(all).hasSize(1);
            assertThat(all.get(0).getBody()).containsEntry("rid", "cp-uuid-once").containsKey("json");
            String seen = InteractionStream.seenKey(p, "cp-uuid-once");
            assertThat(c.sync().get(seen)).isEqualTo(first.entryId());
            assertThat(c.sync().ttl(seen)).isBetween(1L, TTL.toSeconds());
            // cluster-safe: the seen key and the stream share the partition's hash tag, so one slot
            assertThat(SlotHash.getSlot(seen)).isEqualTo(SlotHash.getSlot(InteractionStream.key(p)));
        }
    }

    @Test
    void recordsEndedWhileRedisIsStoppedAreAppendedOnceAfterARestartOfBoth(@TempDir Path dir) throws Exception {
        SpoolOptions spool = withoutAckDelay(SpoolOptions.under(dir.resolve("app"))); // counts pending exactly
        EmbeddedRedis redis = EmbeddedRedis.builder().dataDir(dir.resolve("redis")).freePort().build().start();
        try (RedisConnector c = RedisConnector.connect(redis.options())) {
            InteractionStream stream = new InteractionStream(c, 1);
            CallRegistry calls = CallRegistry.create(Clock.systemUTC(), Duration.ofMinutes(10));
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            InteractionRecorder recorder = new InteractionRecorder(stream, calls, spool, meters).start();
            calls.addListener(recorder);
            end(calls, "cp-before");
            Await.until(10, () -> meters.get("cp.interactions.appended").counter().count() == 1);

            redis.stop();
            for (int i = 0; i < 3; i++) {
                end(calls, "cp-down-" + i);
            }
            Await.until(10, () -> meters.get("cp.interactions.spooled").counter().count() == 4);
            assertThat(recorder.spooledPending()).isEqualTo(3);
            recorder.close(Duration.ofMillis(300)); // Redis still down: the records stay in the spool

            redis.start();
            SimpleMeterRegistry meters2 = new SimpleMeterRegistry();
            InteractionRecorder restarted = new InteractionRecorder(stream, calls, spool, meters2).start();
            Await.until(20, () -> restarted.spooledPending() == 0);
            assertThat(meters2.get("cp.interactions.replayed").counter().count()).isEqualTo(3);
            restarted.close(Duration.ofSeconds(1));
            assertThat(ridCounts(c)).isEqualTo(Map.of("cp-before", 1L, "cp-down-0", 1L, "cp-down-1", 1L,
                    "cp-down-2", 1L));
        } finally {
            redis.stop();
        }
    }

    @Test
    void aFullSpoolRefusesAndCountsNewRecordsAndKeepsTheOnesItAccepted(@TempDir Path dir) throws Exception {
        SpoolOptions spool = new SpoolOptions(dir.resolve("spool"), 64 * 1024, TTL); // the smallest cap allowed
        EmbeddedRedis redis = EmbeddedRedis.builder().dataDir(dir.resolve("redis")).freePort().build().start();
        try (RedisConnector c = RedisConnector.connect(redis.options())) {
            redis.stop();
            CallRegistry calls = CallRegistry.create(Clock.systemUTC(), Duration.ofMinutes(10));
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            InteractionRecorder recorder = new InteractionRecorder(new InteractionStream(c, 1), calls, spool, meters)
                    .start();
            calls.addListener(recorder);
            int n = 400; // about 300 bytes each: more than 64 KiB
            for (int i = 0; i < n; i++) {
                end(calls, "cp-full-" + i);
            }
            Await.until(20, () -> meters.get("cp.interactions.spooled").counter().count()
                    + meters.get("cp.spool.rejected").counter().count() == n);
            double accepted = meters.get("cp.interactions.spooled").counter().count();
            assertThat(meters.get("cp.spool.rejected").counter().count()).isPositive();
            assertThat(meters.get("cp.spool.bytes").gauge().value()).isLessThanOrEqualTo(64 * 1024);

            redis.start();
            Await.until(30, () -> recorder.spooledPending() == 0);
            recorder.close(Duration.ofSeconds(1));
            Map<String, Long> stored = ridCounts(c);
            assertThat(stored).hasSize((int) accepted).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
        } finally {
            redis.stop();
        }
    }

    @Test
    void aSpoolReplayedAfterItsRecordsReachedRedisAddsNothing(@TempDir Path dir) throws Exception {
        SpoolOptions spool = SpoolOptions.under(dir.resolve("app"));
        try (EmbeddedRedis redis = EmbeddedRedis.builder().dataDir(dir.resolve("redis")).freePort().build().start();
             RedisConnector c = RedisConnector.connect(redis.options())) {
            InteractionStream stream = new InteractionStream(c, 1);
            // a crash after the XADDs, before the journal heard of it: the records are in both
            try (Journal j = Journal.open(spool.dir(), spool.maxBytes())) {
                for (String id : List.of("cp-a", "cp-b")) {
                    SpooledRecord r = SpooledRecord.of(record(id));
                    j.append(List.of(r.encode()));
                    stream.appendOnce(id, r.interaction(), TTL).toCompletableFuture().get();
                }
            }
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            InteractionRecorder recorder = new InteractionRecorder(stream,
                    CallRegistry.create(Clock.systemUTC(), Duration.ofMinutes(10)), spool, meters).start();
            Await.until(20, () -> recorder.spooledPending() == 0);
            recorder.close(Duration.ofSeconds(1));
            assertThat(meters.get("cp.interactions.duplicates.skipped").counter().count()).isEqualTo(2);
            assertThat(meters.get("cp.interactions.appended").counter().count()).isZero();
            assertThat(ridCounts(c)).isEqualTo(Map.of("cp-a", 1L, "cp-b", 1L));
        }
    }

    @Test
    void appendsRedisLosesInACrashWithinTheAckDelayAreReplayedOnce(@TempDir Path dir) throws Exception {
        SpoolOptions held = new SpoolOptions(dir.resolve("spool"), SpoolOptions.DEFAULT_MAX_BYTES, TTL,
                Duration.ofSeconds(30));
        try (EmbeddedRedis redis = EmbeddedRedis.builder().dataDir(dir.resolve("redis")).freePort().build().start();
             RedisConnector c = RedisConnector.connect(redis.options())) {
            InteractionStream stream = new InteractionStream(c, 1);
            CallRegistry calls = CallRegistry.create(Clock.systemUTC(), Duration.ofMinutes(10));
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            InteractionRecorder recorder = new InteractionRecorder(stream, calls, held, meters).start();
            calls.addListener(recorder);
            end(calls, "cp-held");
            Await.until(10, () -> meters.get("cp.interactions.appended").counter().count() == 1);
            assertThat(recorder.spooledPending()).isEqualTo(1); // in Redis, still held in the spool

            // redis-server crashes before its append-only file had the record (appendfsync everysec):
            // it comes back without the entry and without its seen key; the process stops meanwhile
            c.sync().del(InteractionStream.key(0), InteractionStream.seenKey(0, "cp-held"));
            recorder.close(Duration.ofMillis(200));

            SimpleMeterRegistry meters2 = new SimpleMeterRegistry();
            InteractionRecorder restarted = new InteractionRecorder(stream, calls, withoutAckDelay(held), meters2)
                    .start();
            Await.until(20, () -> restarted.spooledPending() == 0);
            restarted.close(Duration.ofSeconds(1));
            assertThat(meters2.get("cp.interactions.replayed").counter().count()).isEqualTo(1);
            assertThat(ridCounts(c)).isEqualTo(Map.of("cp-held", 1L));
        }
    }

    private static SpoolOptions withoutAckDelay(SpoolOptions o) {
        return new SpoolOptions(o.dir(), o.maxBytes(), o.dedupTtl(), Duration.ZERO);
    }

    private static void end(CallRegistry calls, String id) {
        calls.routed(new RoutedCall(id, "PJSIP/trunk-" + id, "1795339360." + id.length(), "5551234", "Caller",
                "support", 5, "ordinary", false, "default", Optional.empty()));
        calls.ended(id, "hangup");
    }

    private static InteractionRecord record(String id) {
        return new InteractionRecord(id, null, "5551234", "voice", Instant.parse("2026-11-22T10:00:00Z"), "support",
                "agent1", 3, 40, null, null, null, null, "caller: my bill");
    }

    private static Map<String, Long> ridCounts(RedisConnector c) {
        return c.sync().xrange(InteractionStream.key(0), Range.create("-", "+")).stream()
                .map(m -> m.getBody().get("rid")).collect(Collectors.groupingBy(Function.identity(),
                        Collectors.counting()));
    }
}
