package com.callportrait.portrait.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.PhoneOptions;
import com.callportrait.portrait.gen.GeneratorOptions;
import com.callportrait.portrait.gen.SyntheticGenerator;
import com.callportrait.profile.redis.EmbeddedRedis;
import com.callportrait.profile.redis.RedisConnector;
import com.callportrait.profile.redis.RedisProfileStore;
import io.lettuce.core.Consumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The live interaction stream on a real (embedded) redis-server: consumer groups, reading by time, trimming. */
class InteractionStreamIT {
    static final String KEY = InteractionStream.key(0);
    static EmbeddedRedis redis;
    static RedisConnector connector;

    @BeforeAll
    static void start() {
        redis = EmbeddedRedis.builder().freePort().dataDir(Path.of("target", "it-redis", UUID.randomUUID().toString()))
                .build().start();
        connector = RedisConnector.connect(redis.options());
    }

    @AfterAll
    static void stop() {
        connector.close();
        redis.close();
    }

    @org.junit.jupiter.api.BeforeEach
    void emptyStreams() {
        for (int p = 0; p < 4; p++) {
            connector.sync().del(InteractionStream.key(p));
        }
    }

    private static List<InteractionRecord> calls(int customers) {
        List<InteractionRecord> out = new ArrayList<>();
        new SyntheticGenerator(GeneratorOptions.of(9, customers, customers * 10L)).generate(new RecordSink() {
            @Override public void interaction(InteractionRecord r) { out.add(r); }
        });
        return out;
    }

    @Test
    void twoWorkersShareTheStreamWithoutLossOrDuplicatesAndOwnWholeCustomers() throws Exception {
        InteractionStream stream = new InteractionStream(connector, 4);
        List<InteractionRecord> sent = calls(60);
        for (InteractionRecord r : sent) {
            stream.append(r);
        }
        List<List<InteractionRecord>> got = List.of(Collections.synchronizedList(new ArrayList<>()),
                Collections.synchronizedList(new ArrayList<>()));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Long>> f = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int worker = w;
            Source s = stream.source("build", "worker-" + w, w, 2);
            f.add(pool.submit(() -> s.readInto(new RecordSink() {
                @Override public void interaction(InteractionRecord r) { got.get(worker).add(r); }
            })));
        }
        long total = f.get(0).get() + f.get(1).get();
        pool.shutdown();
        assertThat(total).isEqualTo(sent.size());
        List<InteractionRecord> all = new ArrayList<>(got.get(0));
        all.addAll(got.get(1));
        assertThat(all).containsExactlyInAnyOrderElementsOf(sent);
        Set<String> c0 = new HashSet<>();
        got.get(0).forEach(r -> c0.add(r.customerId()));
        assertThat(got.get(1)).noneMatch(r -> c0.contains(r.customerId()));
        // everything acknowledged: a second read finds nothing new and nothing pending
        assertThat(stream.source("build", "worker-0", 0, 2).readInto(new RecordSink() { })).isZero();
        for (int p = 0; p < 4; p++) {
            assertThat(connector.sync().xpending(InteractionStream.key(p), "build").getCount()).isZero();
        }
    }

    @Test
    void anUnacknowledgedEntryIsReadAgainByTheRestartedWorker() {
        InteractionStream stream = new InteractionStream(connector, 1);
        List<InteractionRecord> sent = calls(3);
        sent.forEach(stream::append);
        Source first = stream.source("crash", "w", 0, 1);
        List<InteractionRecord> seen = new ArrayList<>();
        try {
            first.readInto(new RecordSink() {
                @Override public void interaction(InteractionRecord r) {
                    if (seen.size() == 2) {
                        throw new IllegalStateException("worker dies mid-batch");
                    }
                    seen.add(r);
                }
            });
        } catch (IllegalStateException expected) {
            // the batch was never acknowledged
        }
        List<InteractionRecord> again = new ArrayList<>();
        stream.source("crash", "w", 0, 1).readInto(new RecordSink() {
            @Override public void interaction(InteractionRecord r) { again.add(r); }
        });
        assertThat(again).containsExactlyInAnyOrderElementsOf(sent);
    }

    /** Appends {@code records} to partition 0 as entries {@code 1000-0}, {@code 2000-0}, ... */
    private static void appendAtSeconds(List<InteractionRecord> records) {
        for (int i = 0; i < records.size(); i++) {
            connector.sync().xadd(KEY, new XAddArgs().id((i + 1) * 1000L + "-0"),
                    Map.of("json", InteractionJson.encode(records.get(i)), "rid", "r" + i));
        }
    }

    private static List<StreamMessage<String, String>> read(String group, int count) {
        return connector.sync().xreadgroup(Consumer.from(group, "w"), XReadArgs.Builder.count(count),
                XReadArgs.StreamOffset.lastConsumed(KEY));
    }

    private static List<String> ids() {
        return connector.sync().xrange(KEY, io.lettuce.core.Range.unbounded()).stream().map(StreamMessage::getId).toList();
    }

    @Test
    void trimKeepsWhatTheLiveGroupHasNotReadOrNotAcknowledged() {
        InteractionStream stream = new InteractionStream(connector, 1);
        appendAtSeconds(calls(2).subList(0, 10));
        connector.sync().xgroupCreate(XReadArgs.StreamOffset.from(KEY, "0"), "live", XGroupCreateArgs.Builder.mkstream());
        List<StreamMessage<String, String>> got = read("live", 6); // 1000-0 .. 6000-0 delivered
        connector.sync().xack(KEY, "live", got.subList(0, 4).stream().map(StreamMessage::getId).toArray(String[]::new));

        // everything before 9.5 s is old enough, but 5000-0 and 6000-0 are pending and 7000-0 on unread
        assertThat(stream.trim(Instant.ofEpochMilli(9_500), "live")).isEqualTo(4);
        assertThat(ids()).containsExactly("5000-0", "6000-0", "7000-0", "8000-0", "9000-0", "10000-0");

        connector.sync().xack(KEY, "live", "5000-0", "6000-0");
        assertThat(stream.trim(Instant.ofEpochMilli(9_500), "live")).isEqualTo(2);
        assertThat(ids()).first().isEqualTo("7000-0"); // read up to 6000-0: the rest is not read yet

        read("live", 10);
        connector.sync().xack(KEY, "live", "7000-0", "8000-0", "9000-0", "10000-0");
        assertThat(stream.trim(Instant.ofEpochMilli(9_500), "live")).isEqualTo(3);
        assertThat(ids()).containsExactly("10000-0"); // newer than the retention cut
        // the group goes on where it was: nothing it read comes back, the newer entry is still there
        assertThat(read("live", 10)).isEmpty();
    }

    @Test
    void aPartitionTheLiveGroupNeverReadIsNotTrimmed() {
        InteractionStream stream = new InteractionStream(connector, 2);
        appendAtSeconds(calls(2).subList(0, 5));
        connector.sync().xgroupCreate(XReadArgs.StreamOffset.from(KEY, "0"), "batch", XGroupCreateArgs.Builder.mkstream());
        read("batch", 5);

        assertThat(stream.trim(Instant.ofEpochMilli(60_000), "live")).isZero();
        assertThat(ids()).hasSize(5);
    }

    @Test
    void sinceReadsEveryPartitionFromAnInstantOnInPagesWithoutTouchingTheGroups() {
        InteractionStream stream = new InteractionStream(connector, 2);
        List<InteractionRecord> sent = calls(150);
        assertThat(sent.size()).isGreaterThan(1_100); // more than two pages of 500 in one partition
        appendAtSeconds(sent.subList(0, 20)); // partition 0, times 1-20 s
        Instant cut = Instant.ofEpochMilli(11_000);
        long before = System.currentTimeMillis();
        for (InteractionRecord r : sent.subList(20, sent.size())) {
            connector.sync().xadd(InteractionStream.key(1), Map.of("json", InteractionJson.encode(r)));
        }
        stream.appendFeedback(new FeedbackRecord("fb-1", sent.get(30).customerId(), null, 4, "resolved",
                Instant.ofEpochMilli(before), "refund issued"));

        List<InteractionRecord> got = new ArrayList<>();
        List<FeedbackRecord> feedback = new ArrayList<>();
        long n = stream.since(cut, connector.sync()).readInto(new RecordSink() {
            @Override public void interaction(InteractionRecord r) { got.add(r); }
            @Override public void feedback(FeedbackRecord r) { feedback.add(r); }
        });

        List<InteractionRecord> expected = new ArrayList<>(sent.subList(10, sent.size())); // 11 s on
        assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(feedback).hasSize(1);
        assertThat(n).isEqualTo(expected.size() + 1);
        assertThat(connector.sync().xinfoGroups(KEY)).isEmpty();
    }
}
