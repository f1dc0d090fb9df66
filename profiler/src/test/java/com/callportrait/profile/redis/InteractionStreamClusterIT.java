package com.callportrait.profile.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.portrait.collect.InteractionStream;
import com.callportrait.portrait.collect.RecordSink;
import com.callportrait.portrait.gen.GeneratorOptions;
import com.callportrait.portrait.gen.SyntheticGenerator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The portrait engine's live interaction stream on a real three-master Redis Cluster. */
class InteractionStreamClusterIT {
    static ThreeMasterCluster cluster;
    static RedisConnector connector;

    @BeforeAll
    static void start() throws Exception {
        cluster = ThreeMasterCluster.start();
        connector = cluster.connector();
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void partitionsSpreadOverSlotsAndTwoWorkersShareTheGroup() throws Exception {
        assertThat(connector.isCluster()).isTrue();
        InteractionStream stream = new InteractionStream(connector, 8);
        Set<Long> slots = new HashSet<>();
        for (int p = 0; p < 8; p++) {
            slots.add(connector.sync().clusterKeyslot(InteractionStream.key(p)));
        }
        assertThat(slots).hasSize(8);
        List<InteractionRecord> sent = new ArrayList<>();
        new SyntheticGenerator(GeneratorOptions.of(4, 40, 400)).generate(new RecordSink() {
            @Override public void interaction(InteractionRecord r) { sent.add(r); }
        });
        sent.forEach(stream::append);
        List<InteractionRecord> got = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Long>> f = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            var s = stream.source("build", "worker-" + w, w, 2);
            f.add(pool.submit(() -> s.readInto(new RecordSink() {
                @Override public void interaction(InteractionRecord r) { got.add(r); }
            })));
        }
        assertThat(f.get(0).get() + f.get(1).get()).isEqualTo(sent.size());
        pool.shutdown();
        assertThat(got).containsExactlyInAnyOrderElementsOf(sent);
    }
}
