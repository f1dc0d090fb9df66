package com.callportrait.portrait.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.PhoneOptions;
import com.callportrait.portrait.gen.GeneratorOptions;
import com.callportrait.portrait.gen.SyntheticGenerator;
import com.callportrait.profile.redis.EmbeddedRedis;
import com.callportrait.profile.redis.RedisConnector;
import com.callportrait.profile.redis.RedisProfileStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The live interaction stream on a real (embedded) redis-server. */
class InteractionStreamIT {
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
}
