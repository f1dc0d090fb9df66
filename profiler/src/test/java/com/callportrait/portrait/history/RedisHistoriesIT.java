package com.callportrait.portrait.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.portrait.engine.HistoryRepository;
import com.callportrait.portrait.features.CaseFact;
import com.callportrait.portrait.features.CustomerHistory;
import com.callportrait.portrait.features.HistoryBounds;
import com.callportrait.portrait.semantic.Contact;
import com.callportrait.profile.redis.EmbeddedRedis;
import com.callportrait.profile.redis.RedisConnector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Histories in a real (embedded) redis-server: atomic, idempotent, shared by two instances. */
class RedisHistoriesIT {
    private static final long T = 1_790_000_000L;
    static EmbeddedRedis redis;
    static RedisConnector one;
    static RedisConnector two;

    @BeforeAll
    static void start() {
        redis = EmbeddedRedis.builder().freePort().dataDir(Path.of("target", "it-redis", UUID.randomUUID().toString()))
                .build().start();
        one = RedisConnector.connect(redis.options());
        two = RedisConnector.connect(redis.options());
    }

    @AfterAll
    static void stop() {
        one.close();
        two.close();
        redis.close();
    }

    @BeforeEach
    void empty() {
        one.sync().flushall();
    }

    private static Contact contact(long id, long at) {
        return new Contact(id, at, "voice", 10, 30, 300, "unknown", 0, "neutral", "billing");
    }

    @Test
    void aHistoryIsStoredUnderItsCustomersHashTagAndFoundByPhone() {
        RedisHistories h = RedisHistories.of(one, HistoryBounds.DEFAULT);
        assertThat(h.find("C1")).isEmpty();
        assertThat(h.exists("C1")).isFalse();
        HistoryRepository.Change c = h.update("C1", "rec-1", x -> x.addContact(contact(1, T)));
        assertThat(c.changed()).isTrue();
        h.indexPhone("+15550100", "C1");
        assertThat(one.sync().exists("cp:hist:{C1}", "cp:hist:phone:{+15550100}")).isEqualTo(2);
        assertThat(h.customerOfPhone("+15550100")).contains("C1");
        assertThat(h.customerOfPhone("+15550199")).isEmpty();
        CustomerHistory read = h.find("C1").orElseThrow();
        assertThat(read.contacts()).containsExactly(contact(1, T));
        assertThat(h.exists("C1")).isTrue();
        // a change that changes nothing writes nothing, not even an empty history
        assertThat(h.update("C2", "rec-2", x -> false).changed()).isFalse();
        assertThat(h.exists("C2")).isFalse();
    }

    @Test
    void aRecordDeliveredAgainIsNotAppliedTwice() {
        RedisHistories h = RedisHistories.of(one, HistoryBounds.DEFAULT);
        h.update("C1", "call-1", x -> x.addContact(contact(1, T)));
        assertThat(h.update("C1", "fb-a", x -> x.mergeFeedback(1, 0, "escalated", null)).changed()).isTrue();
        assertThat(h.update("C1", "fb-b", x -> x.mergeFeedback(1, 0, "resolved", "reset the router")).changed())
                .isTrue();
        // the first disposition replayed after the second: skipped by its record id, the outcome stays
        int[] runs = new int[1];
        HistoryRepository.Change replay = h.update("C1", "fb-a", x -> {
            runs[0]++;
            return x.mergeFeedback(1, 0, "escalated", null);
        });
        assertThat(replay.duplicate()).isTrue();
        assertThat(runs[0]).isZero();
        CustomerHistory read = h.find("C1").orElseThrow();
        assertThat(read.contacts()).hasSize(1);
        assertThat(read.contacts().get(0).outcome()).isEqualTo("resolved");
        assertThat(read.contacts().get(0).note()).isEqualTo("reset the router");
        assertThat(read.recentRecords()).hasSize(3);
        assertThat(h.update("C1", "call-1", x -> x.addContact(contact(1, T))).duplicate()).isTrue();
    }

    @Test
    void twoInstancesWritingOneCustomerAtOnceLoseNoFact() throws Exception {
        HistoryBounds bounds = HistoryBounds.builder().maxContacts(1_000).recentRecords(0).build();
        List<RedisHistories> instances = List.of(RedisHistories.of(one, bounds), RedisHistories.of(two, bounds));
        int threads = 4;
        int each = 60;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            RedisHistories mine = instances.get(t % 2);
            int thread = t;
            done.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < each; i++) {
                    long id = thread * 1_000L + i;
                    mine.update("C1", null, x -> x.addContact(contact(id, T + id)));
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(instances.get(1).find("C1").orElseThrow().contacts()).hasSize(threads * each);
        assertThat(instances.get(0).conflicts() + instances.get(1).conflicts()).as("the writers did race").isPositive();
    }

    @Test
    void mergingLoadedHistoriesIsIdempotentAndKeepsWhatLiveRecordsAdded() {
        RedisHistories h = RedisHistories.of(one, HistoryBounds.DEFAULT);
        List<CustomerHistory> loaded = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            CustomerHistory x = new CustomerHistory("C" + i);
            x.customer("Name " + i, "+1555" + (100_000 + i), "standard", "en", T - 400 * 86_400L, 10 * i);
            x.addContact(contact(i, T - 86_400));
            x.addComplaint(new CaseFact("K" + i, T - 86_400, -1, "billing", "open"));
            loaded.add(x);
        }
        h.mergeAll(loaded);
        h.update("C7", "fb-1", x -> x.mergeFeedback(7, 5, "resolved", null));
        h.mergeAll(loaded);
        assertThat(h.customerOfPhone("+1555100599")).contains("C599");
        CustomerHistory c7 = h.find("C7").orElseThrow();
        assertThat(c7.name()).isEqualTo("Name 7");
        assertThat(c7.contacts()).hasSize(1);
        assertThat(c7.contacts().get(0).survey()).isEqualTo(5);
        assertThat(c7.complaints()).hasSize(1);
        assertThat(one.sync().keys("cp:hist:{*")).hasSize(600);
        // every stored history can be walked without holding them all
        java.util.Set<String> walked = new java.util.HashSet<>();
        h.forEach(x -> {
            walked.add(x.customerId());
            assertThat(x.contacts()).hasSize(1);
        });
        assertThat(walked).hasSize(600).contains("C0", "C599");
    }

    @Test
    void aTrainingsSampleIsReadOnTheBulkConnectionNeverOnACallPathLoop() throws Exception {
        RedisHistories h = RedisHistories.of(one, HistoryBounds.DEFAULT);
        List<CustomerHistory> loaded = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            CustomerHistory x = new CustomerHistory("C" + i);
            x.addContact(contact(i, T - 86_400));
            loaded.add(x);
        }
        h.mergeAll(loaded);
        java.util.Set<Thread> callPath = new java.util.HashSet<>();
        for (io.netty.channel.EventLoop loop : com.callportrait.common.net.CallPathLoops.loops()) {
            callPath.add(loop.submit(Thread::currentThread).get());
        }
        java.util.Set<Thread> replies = java.util.concurrent.ConcurrentHashMap.newKeySet();
        h.observeReplies(replies::add);
        // a routing read: answered on the connection of the reading thread (a call-path loop when
        // the connector pins to them)
        h.find("C1").orElseThrow();
        java.util.Set<Thread> routing = java.util.Set.copyOf(replies);
        replies.clear();
        java.util.concurrent.atomic.AtomicInteger batches = new java.util.concurrent.atomic.AtomicInteger();
        assertThat(h.sample(100, batches::incrementAndGet).size()).isEqualTo(100);
        assertThat(batches.get()).as("read in batches of 32").isGreaterThanOrEqualTo(300 / 32);
        assertThat(replies).as("every reply of the sample's reads").isNotEmpty()
                .allSatisfy(t -> assertThat(t.getName()).startsWith(com.callportrait.profile.redis.BulkConnection.THREAD))
                .doesNotContainAnyElementsOf(callPath)
                .doesNotContainAnyElementsOf(routing);
        assertThat(one.bulkConnection()).as("one bulk connection per connector").isSameAs(one.bulkConnection());
    }

    @Test
    void aDeadRedisFailsWithinTheTimeoutInsteadOfHanging() {
        EmbeddedRedis other = EmbeddedRedis.builder().freePort()
                .dataDir(Path.of("target", "it-redis", UUID.randomUUID().toString())).build().start();
        try (RedisConnector c = RedisConnector.connect(other.options())) {
            RedisHistories h = RedisHistories.of(c, HistoryBounds.DEFAULT);
            h.update("C1", null, x -> x.addContact(contact(1, T)));
            other.stop();
            long t0 = System.nanoTime();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> h.update("C1", null, x -> x.addContact(contact(2, T))))
                    .isInstanceOf(HistoryStoreException.class);
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5_000);
        } finally {
            other.close();
        }
    }
}
