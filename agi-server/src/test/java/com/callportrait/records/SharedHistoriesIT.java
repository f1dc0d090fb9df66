package com.callportrait.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.portrait.collect.CustomerRecord;
import com.callportrait.portrait.collect.FeedbackRecord;
import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.portrait.collect.InteractionStream;
import com.callportrait.portrait.collect.RecordSink;
import com.callportrait.portrait.collect.Source;
import com.callportrait.portrait.engine.BatchBuild;
import com.callportrait.portrait.engine.BuildListener;
import com.callportrait.portrait.engine.HistoryStore;
import com.callportrait.portrait.engine.LiveUpdater;
import com.callportrait.portrait.engine.ModelBundle;
import com.callportrait.portrait.engine.PortraitConfig;
import com.callportrait.portrait.features.CustomerHistory;
import com.callportrait.portrait.gen.GeneratorOptions;
import com.callportrait.portrait.gen.SyntheticSource;
import com.callportrait.portrait.history.HistoryKeys;
import com.callportrait.portrait.history.RedisHistories;
import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.ProfileStore;
import com.callportrait.profile.memory.InMemoryProfileStore;
import com.callportrait.profile.redis.EmbeddedRedis;
import com.callportrait.profile.redis.RedisConnector;
import com.callportrait.profile.redis.RedisProfileStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Customer histories shared in a real (embedded) Redis, fed by the exactly-once record path (the
 * idempotent append to {@code cp:interactions}, the consumer group, the consumer): after a restart
 * of the process, and on a second instance, a portrait updated by a live record equals a full
 * rebuild from every record, field for field.
 */
class SharedHistoriesIT {
    private static final GeneratorOptions DATA = GeneratorOptions.of(21, 300, 3_000);
    private static final Instant AS_OF = GeneratorOptions.DEFAULT_END;
    private static final Instant LATER = AS_OF.plus(Duration.ofDays(3));
    private static final Duration DEDUP = Duration.ofHours(1);

    static EmbeddedRedis redis;
    static PortraitConfig config;
    static BatchBuild.Result base;
    static ModelBundle models;
    static List<CustomerRecord> customers = new ArrayList<>();

    @BeforeAll
    static void start() {
        redis = EmbeddedRedis.builder().freePort().dataDir(Path.of("target", "it-redis", UUID.randomUUID().toString()))
                .build().start();
        config = PortraitConfig.load();
        base = new BatchBuild(config, InMemoryProfileStore.create(), 50_000, 1)
                .run(List.of(new SyntheticSource(DATA)), AS_OF, null, BuildListener.NONE, null);
        models = base.models();
        new SyntheticSource(DATA).readInto(new RecordSink() {
            @Override
            public void customer(CustomerRecord r) {
                if (r.phone() != null && customers.size() < 10) {
                    customers.add(r);
                }
            }
        });
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    @BeforeEach
    void empty() {
        try (RedisConnector c = RedisConnector.connect(redis.options())) {
            c.sync().flushall();
        }
    }

    /** One process's record stage: its own connection, histories, updater and consumer; "restart" = a new one. */
    private static final class Instance implements AutoCloseable {
        final RedisConnector connector = RedisConnector.connect(redis.options());
        final RedisHistories histories = RedisHistories.of(connector, config.history());
        final Map<String, CustomerProfile> saved = new ConcurrentHashMap<>();
        final ProfileStore store = capturing(RedisProfileStore.create(connector, config.phones()), saved);
        final LiveUpdater updater = new LiveUpdater(config, histories, store, () -> models,
                Clock.fixed(LATER, ZoneOffset.UTC), null);
        final InteractionStream stream = new InteractionStream(connector, 1);
        final InteractionConsumer consumer;

        Instance(String name) {
            consumer = new InteractionConsumer(stream.source(FreshOptions.GROUP, name, 0, 1), updater, histories, store,
                    config, Clock.systemUTC(), new SimpleMeterRegistry());
        }

        /** What the server does at start with a data directory: the loaded histories into Redis. */
        void loadBase() {
            histories.mergeAll(base.histories().all());
        }

        /** The exactly-once append the record appender does, then one consumer round. */
        void deliver(List<Object> records) {
            for (Object r : records) {
                append(stream, r);
            }
            while (consumer.poll() > 0) {
                // until the stream has nothing new for this consumer
            }
        }

        @Override
        public void close() {
            connector.close();
        }
    }

    private static void append(InteractionStream stream, Object r) {
        if (r instanceof InteractionRecord i) {
            stream.appendOnce(i.interactionId(), i, DEDUP).toCompletableFuture().join();
        } else {
            FeedbackRecord f = (FeedbackRecord) r;
            stream.appendFeedbackOnce("fb:" + f.interactionId() + ":" + f.at().getEpochSecond(), f, DEDUP)
                    .toCompletableFuture().join();
        }
    }

    /**
     * Live records of the first customers, in waves: calls (by number, as a live call is, or by
     * customer id), dispositions with the agent's note, surveys, some for calls of an earlier wave.
     */
    private static List<List<Object>> waves() {
        String[] texts = {
            "caller: my bill is wrong this month i was charged twice on the invoice",
            "caller: the power has been out since this morning i am really frustrated",
            "caller: i want to make a formal complaint the outage is still going",
            "caller: thank you the new tariff is fine",
        };
        String[] emotions = {null, "negative", "angry", "positive"};
        List<List<Object>> waves = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            List<Object> wave = new ArrayList<>();
            for (int c = 0; c < customers.size(); c++) {
                CustomerRecord who = customers.get(c);
                String id = "live-" + c + "-" + w;
                Instant at = AS_OF.plus(Duration.ofHours(6L * w + c));
                boolean byPhone = (c + w) % 2 == 0;
                wave.add(new InteractionRecord(id, byPhone ? null : who.customerId(), byPhone ? who.phone() : null,
                        "voice", at, "support", "agent-" + c, 20 + 10 * w, 200 + 30 * c, null, null,
                        emotions[(c + w) % 4], null, texts[(c + w) % 4]));
                if (w > 0) {
                    // the disposition of the previous wave's call, and a survey of this one
                    wave.add(new FeedbackRecord("live-" + c + "-" + (w - 1), null, who.phone(), null,
                            (c + w) % 3 == 0 ? "escalated" : "resolved", at.plusSeconds(60),
                            "fixed it: step " + w + " for customer " + c));
                }
                wave.add(new FeedbackRecord(id, who.customerId(), null, 1 + (c + w) % 5, null, at.plusSeconds(900)));
            }
            waves.add(wave);
        }
        return waves;
    }

    /** A full rebuild: every record (the data and every live record) through the batch build, as of the same moment. */
    private static Map<String, CustomerProfile> fullRebuild(List<List<Object>> waves) {
        Source all = new Source() {
            @Override public String name() { return "data-plus-live"; }

            @Override public long readInto(RecordSink sink) {
                long n = new SyntheticSource(DATA).readInto(sink);
                for (List<Object> wave : waves) {
                    for (Object r : wave) {
                        if (r instanceof InteractionRecord i) {
                            sink.interaction(i);
                        } else {
                            sink.feedback((FeedbackRecord) r);
                        }
                        n++;
                    }
                }
                return n;
            }
        };
        BatchBuild.Result full = new BatchBuild(config, InMemoryProfileStore.create(), 50_000, 1)
                .run(List.of(all), LATER, models, BuildListener.NONE, null, new HistoryStore(config.history()));
        Map<String, CustomerProfile> out = new LinkedHashMap<>();
        customers.forEach(c -> out.put(c.customerId(), full.sample().get(c.customerId())));
        return out;
    }

    @Test
    void afterARestartTheIncrementalUpdateEqualsAFullRebuildFieldForField() {
        List<List<Object>> waves = waves();
        Map<String, CustomerProfile> beforeRestart;
        try (Instance first = new Instance("live")) {
            first.loadBase();
            first.deliver(waves.get(0));
            first.deliver(waves.get(1));
            beforeRestart = Map.copyOf(first.saved);
        }
        assertThat(beforeRestart).hasSize(customers.size());

        // the process is gone: nothing of its memory is left, only Redis
        try (Instance second = new Instance("live")) {
            second.loadBase(); // a restart loads its data directory again: that must change nothing
            // the spool replays what the last run may not have seen acknowledged: deduplicated on append
            for (Object r : waves.get(1)) {
                append(second.stream, r);
            }
            // and a redelivery past the append dedup (same record id in a new entry): skipped by the history
            for (var entry : second.connector.sync().xrange(InteractionStream.key(0),
                    io.lettuce.core.Range.create("-", "+"), io.lettuce.core.Limit.create(0, 5))) {
                second.connector.sync().xadd(InteractionStream.key(0), entry.getBody());
            }
            second.deliver(List.of());
            second.deliver(waves.get(2));
            second.deliver(waves.get(3));

            Map<String, CustomerProfile> rebuilt = fullRebuild(waves);
            for (CustomerRecord c : customers) {
                CustomerProfile incremental = second.saved.get(c.customerId());
                assertThat(incremental).as("portrait of %s saved after the restart", c.customerId()).isNotNull();
                // the whole portrait: segment, scores, risk, tags with explanations, issues, last topics, action
                assertThat(incremental).as(c.customerId()).isEqualTo(rebuilt.get(c.customerId()));
                assertThat(incremental.lastTopics()).hasSize(5);
                assertThat(incremental).isNotEqualTo(beforeRestart.get(c.customerId()));
                // what is stored for routing is that portrait too
                assertThat(second.store.findById(c.customerId()).toCompletableFuture().join()).isPresent();
                CustomerHistory h = second.histories.find(c.customerId()).orElseThrow();
                assertThat(h.contacts().stream().filter(x -> x.note() != null && x.note().startsWith("fixed it")))
                        .as("every disposition note, also those for calls taken before the restart").hasSize(3);
            }
            // what a customer costs in Redis: small
            int bytes = second.histories.storedBytes(customers.get(0).customerId());
            assertThat(bytes).isBetween(100, 12_000);
        }
    }

    @Test
    void twoInstancesOnOneRedisSeeTheSameHistoryAndBuildTheSamePortrait() {
        List<List<Object>> waves = waves();
        try (Instance a = new Instance("a"); Instance b = new Instance("b")) {
            a.loadBase();
            b.loadBase();
            // the waves go to one instance or the other: each customer's records are applied by both
            a.deliver(waves.get(0));
            b.deliver(waves.get(1));
            a.deliver(waves.get(2));
            b.deliver(waves.get(3));
            Map<String, CustomerProfile> rebuilt = fullRebuild(waves);
            for (CustomerRecord c : customers) {
                String id = c.customerId();
                CustomerHistory ha = a.histories.find(id).orElseThrow();
                CustomerHistory hb = b.histories.find(id).orElseThrow();
                assertThat(ha.contacts()).containsExactlyElementsOf(hb.contacts());
                assertThat(ha.recentRecords()).containsExactlyElementsOf(hb.recentRecords());
                Optional<CustomerProfile> pa = a.updater.portrait(id, LATER);
                Optional<CustomerProfile> pb = b.updater.portrait(id, LATER);
                assertThat(pa).isPresent().isEqualTo(pb);
                assertThat(pa.get()).isEqualTo(rebuilt.get(id)).isEqualTo(b.saved.get(id));
                assertThat(a.histories.customerOfPhone(config.normalisePhone(c.phone()))).contains(id);
            }
            assertThat(a.connector.sync().keys(HistoryKeys.HISTORY_PREFIX + "*")).hasSize(base.histories().size());
        }
    }

    @Test
    void twoInstancesTakingOneCustomersCallsAtOnceLeaveTheNewestPortraitStored() throws Exception {
        List<List<Object>> waves = waves();
        // calls only: two instances of one consumer group may take a customer's records at the same time
        List<Object> calls = new ArrayList<>();
        for (List<Object> wave : waves) {
            wave.stream().filter(r -> r instanceof InteractionRecord).forEach(calls::add);
        }
        try (Instance a = new Instance("a"); Instance b = new Instance("b")) {
            a.loadBase();
            // both poll while the calls arrive one by one, so each takes some of every customer's calls
            java.util.concurrent.atomic.AtomicLong applied = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            List<java.util.concurrent.Future<Long>> polls = new ArrayList<>();
            for (Instance i : List.of(a, b)) {
                polls.add(pool.submit(() -> {
                    long mine = 0;
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (applied.get() < calls.size() && System.nanoTime() < deadline) {
                        long got = i.consumer.poll();
                        mine += got;
                        applied.addAndGet(got);
                    }
                    return mine;
                }));
            }
            for (Object r : calls) {
                append(a.stream, r);
                Thread.sleep(3);
            }
            long byA = polls.get(0).get();
            long byB = polls.get(1).get();
            pool.shutdown();
            assertThat(byA + byB).isEqualTo(calls.size());
            assertThat(byA).as("instance a took calls").isPositive();
            assertThat(byB).as("instance b took calls").isPositive();

            Map<String, CustomerProfile> rebuilt = fullRebuild(List.of(calls));
            for (CustomerRecord c : customers) {
                String id = c.customerId();
                assertThat(a.updater.portrait(id, LATER)).contains(rebuilt.get(id));
                assertThat(b.updater.portrait(id, LATER)).contains(rebuilt.get(id));
                // the portrait routing reads is the newest, whichever instance saved last
                CustomerProfile stored = a.store.findById(id).toCompletableFuture().join().orElseThrow();
                assertThat(stored).isEqualTo(com.callportrait.profile.redis.ProfileJson.decode(
                        com.callportrait.profile.redis.ProfileJson.encode(rebuilt.get(id)), "rebuilt"));
            }
        }
    }

    private static ProfileStore capturing(ProfileStore delegate, Map<String, CustomerProfile> saved) {
        return new ProfileStore() {
            @Override
            public CompletionStage<Optional<CustomerProfile>> findByPhone(String phone) {
                return delegate.findByPhone(phone);
            }

            @Override
            public CompletionStage<Optional<CustomerProfile>> findById(String customerId) {
                return delegate.findById(customerId);
            }

            @Override
            public CompletionStage<Void> save(CustomerProfile profile) {
                return delegate.save(profile).thenRun(() -> saved.put(profile.customerId(), profile));
            }

            @Override
            public CompletionStage<Duration> ping() {
                return delegate.ping();
            }

            @Override
            public void close() {
                delegate.close();
            }
        };
    }
}
