package com.callportrait.profile.redis;

import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.PhoneOptions;
import com.callportrait.profile.imports.DemoCustomers;
import com.callportrait.profile.imports.ImportReport;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Redis store against a real redis-server (embedded-redis), one server for the whole class. */
class RedisProfileStoreIT {

    /** A hang guard, not a speed assertion: a lookup that takes this long is a hang. */
    static final long GUARD_SECONDS = 10;

    static EmbeddedRedis redis;
    static RedisConnector connector;
    static RedisProfileStore store;

    static Path freshDataDir() {
        return Path.of("target", "it-redis", UUID.randomUUID().toString());
    }

    @BeforeAll
    static void start() {
        redis = EmbeddedRedis.builder().freePort().dataDir(freshDataDir()).build().start();
        connector = RedisConnector.connect(redis.options());
        store = RedisProfileStore.create(connector, PhoneOptions.DEFAULT);
    }

    @AfterAll
    static void stop() {
        store.close();
        connector.close();
        redis.close();
    }

    static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(GUARD_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void findsByEveryFormOfTheNumberInOneRoundTrip() throws Exception {
        CustomerProfile jane = TestProfiles.jane("+1 555 123 4567", "5551234");
        await(store.save(jane));
        assertThat(store.roundTripsPerLookup()).isEqualTo(1);
        for (String form : List.of("+1 555 123 4567", "15551234567", "(555) 123-4567", "001 555 123 4567",
                "5551234", "\"Jane Doe\" <5551234>")) {
            assertThat(await(store.findByPhone(form))).as(form).contains(jane);
        }
        assertThat(await(store.findByPhone("unknown"))).isEmpty();
        assertThat(await(store.findByPhone("+1 555 999 0000"))).isEmpty();
        assertThat(await(store.findById("C1001"))).contains(jane);
        assertThat(await(store.findById("nobody"))).isEmpty();
        // The key schema as documented.
        assertThat(connector.sync().get("cp:phone:15551234567")).isEqualTo("C1001");
        assertThat(connector.sync().get("cp:phone:5551234")).isEqualTo("C1001");
        assertThat(connector.sync().smembers("cp:phones:{C1001}")).containsExactlyInAnyOrder("15551234567", "5551234");
        assertThat(connector.sync().get("cp:profile:{C1001}")).contains("\"customerId\":\"C1001\"");
    }

    @Test
    void lookupOnAnExecutorDecodesAndCompletesThere() throws Exception {
        CustomerProfile p = TestProfiles.plain("C1501", "+1 555 015 0150");
        await(store.save(p));
        java.util.concurrent.ExecutorService loop = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.atomic.AtomicInteger handedOver = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.Executor callLoop = task -> {
            handedOver.incrementAndGet();
            loop.execute(task);
        };
        try {
            for (RedisProfileStore s : List.of(store,
                    RedisProfileStore.create(connector, PhoneOptions.DEFAULT, RedisProfileStore.Lookup.TWO_STEP))) {
                int before = handedOver.get();
                assertThat(await(s.findByPhone("5550150150", callLoop))).contains(p);
                assertThat(handedOver.get()).isEqualTo(before + 1);
                assertThat(await(s.findByPhone("+1 555 999 0150", callLoop))).isEmpty();
            }
            // A corrupt stored profile fails the stage, and that also happens on the executor.
            connector.sync().set("cp:phone:15550150151", "C1502");
            connector.sync().set("cp:profile:{C1502}", "{not json");
            int before = handedOver.get();
            assertThatThrownBy(() -> await(store.findByPhone("5550150151", callLoop)))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(RedisStoreException.class);
            assertThat(handedOver.get()).isEqualTo(before + 1);
        } finally {
            loop.shutdownNow();
        }
    }

    @Test
    void twoStepLookupFindsTheSameProfile() throws Exception {
        CustomerProfile p = TestProfiles.plain("C2001", "+44 20 7946 0018");
        await(store.save(p));
        RedisProfileStore twoStep = RedisProfileStore.create(connector, PhoneOptions.DEFAULT, RedisProfileStore.Lookup.TWO_STEP);
        assertThat(twoStep.roundTripsPerLookup()).isEqualTo(2);
        assertThat(await(twoStep.findByPhone("0044 20 7946 0018"))).contains(p);
        assertThat(await(twoStep.findByPhone("+1 555 999 0001"))).isEmpty();
    }

    @Test
    void changedNumbersRemoveTheirStaleIndexEntries() throws Exception {
        await(store.save(TestProfiles.plain("C3001", "5550101", "+1 555 010 2020")));
        CustomerProfile moved = TestProfiles.plain("C3001", "+1 555 010 3030");
        await(store.save(moved));
        assertThat(await(store.findByPhone("5550101"))).isEmpty();
        assertThat(await(store.findByPhone("5550102020"))).isEmpty();
        assertThat(await(store.findByPhone("5550103030"))).contains(moved);
        assertThat(connector.sync().exists("cp:phone:5550101", "cp:phone:15550102020")).isZero();
        assertThat(connector.sync().smembers("cp:phones:{C3001}")).containsExactly("15550103030");
    }

    @Test
    void aNumberTakenOverByAnotherCustomerStaysWithTheNewOwner() throws Exception {
        await(store.save(TestProfiles.plain("C4001", "5550404")));
        CustomerProfile newOwner = TestProfiles.plain("C4002", "5550404");
        await(store.save(newOwner));
        await(store.save(TestProfiles.plain("C4001", "5550405")));
        assertThat(await(store.findByPhone("5550404"))).contains(newOwner);
    }

    @Test
    void aStaleIndexEntryNeverRoutesToTheWrongCustomer() throws Exception {
        CustomerProfile p = TestProfiles.plain("C5001", "5550505");
        await(store.save(p));
        // Simulate a half-applied cluster save: the index still names C5001 for a number it no longer has.
        connector.sync().set("cp:phone:5550506", "C5001");
        assertThat(await(store.findByPhone("5550506"))).isEmpty();
    }

    @Test
    void aCanonicalKeyFindsItsOwnerWithoutTrustingAStaleIndexEntry() throws Exception {
        CustomerProfile p = TestProfiles.plain("C5101", "+1 555 051 0101");
        await(store.save(p));
        connector.sync().set("cp:phone:15550510102", "C5101"); // an entry the phone set does not back
        for (RedisProfileStore s : List.of(store,
                RedisProfileStore.create(connector, PhoneOptions.DEFAULT, RedisProfileStore.Lookup.TWO_STEP))) {
            assertThat(await(s.findByCanonicalPhone("15550510101", Runnable::run))).contains(p);
            assertThat(await(s.findByCanonicalPhone("15550510102", Runnable::run))).isEmpty();
            assertThat(await(s.findByCanonicalPhone("15550510199", Runnable::run))).isEmpty();
        }
        // A profile written without its phone set (by hand, or by an older writer) is still found
        // when it lists the number, and still not when it does not.
        connector.sync().del("cp:phones:{C5101}");
        assertThat(await(store.findByCanonicalPhone("15550510101", Runnable::run))).contains(p);
        assertThat(await(store.findByCanonicalPhone("15550510102", Runnable::run))).isEmpty();
    }

    @Test
    void scriptCacheFlushCostsARetryNotAnError() throws Exception {
        CustomerProfile p = TestProfiles.plain("C6001", "5550606");
        await(store.save(p));
        connector.sync().scriptFlush();
        assertThat(await(store.findByPhone("5550606"))).contains(p);
        connector.sync().scriptFlush();
        await(store.save(TestProfiles.plain("C6001", "5550607")));
        assertThat(await(store.findByPhone("5550607"))).isPresent();
    }

    @Test
    void corruptStoredJsonFailsTheLookupWithTheKey() throws Exception {
        connector.sync().set("cp:phone:5550707", "C7001");
        connector.sync().set("cp:profile:{C7001}", "{broken");
        assertThatThrownBy(() -> await(store.findByPhone("5550707")))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(RedisStoreException.class)
                .hasMessageContaining("cp:phone:5550707");
    }

    @Test
    void slowRedisFailsTheLookupAtTheCommandTimeout() throws Exception {
        await(store.save(TestProfiles.plain("C8001", "5550808")));
        try (RedisConnector fast = RedisConnector.connect(redis.options().withCommandTimeout(Duration.ofMillis(100)));
             RedisConnector blocker = RedisConnector.connect(redis.options().withCommandTimeout(Duration.ofSeconds(5)))) {
            RedisProfileStore impatient = RedisProfileStore.create(fast, PhoneOptions.DEFAULT);
            // DEBUG SLEEP blocks the whole server for three seconds, like a stuck or overloaded Redis.
            CompletionStage<String> sleeping = blocker.async().dispatch(CommandType.DEBUG,
                    new StatusOutput<>(StringCodec.UTF8), new CommandArgs<>(StringCodec.UTF8).add("SLEEP").add("3"));
            Thread.sleep(300); // let DEBUG SLEEP reach the server before the lookup, even on a busy machine
            assertThatThrownBy(() -> await(impatient.findByPhone("5550808")))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(RedisCommandTimeoutException.class);
            await(sleeping);
            assertThat(await(impatient.findByPhone("5550808"))).isPresent();
        }
    }

    @Test
    void connectingToNothingFailsWithAClearMessage() {
        assertThatThrownBy(() -> RedisConnector.connect(RedisOptions.of("redis://127.0.0.1:1")))
                .isInstanceOf(RedisStoreException.class)
                .hasMessageContaining("cannot connect to Redis at redis://127.0.0.1:1");
    }

    @Test
    void closedStoreOnAnOwnedConnectorRejectsCommands() throws Exception {
        RedisProfileStore owned = RedisProfileStore.open(redis.options(), PhoneOptions.DEFAULT);
        assertThat(await(owned.ping())).isPositive();
        owned.close();
        // A failed stage, not an exception thrown at the caller.
        CompletionStage<Optional<CustomerProfile>> stage = owned.findById("C1001");
        assertThatThrownBy(() -> await(stage)).isInstanceOf(ExecutionException.class);
    }

    @Test
    void demoCustomersImportIntoRedisAndTheRecordedCallerIsFound() throws Exception {
        ImportReport report = DemoCustomers.seed(store, PhoneOptions.DEFAULT, Clock.systemUTC());
        assertThat(report.summary()).isEqualTo("loaded 20, rejected 0");
        CustomerProfile jane = await(store.findByPhone("5551234")).orElseThrow();
        assertThat(jane.name()).isEqualTo("Jane Doe");
        assertThat(jane.openIssues()).singleElement().satisfies(i -> assertThat(i.topic()).isEqualTo("billing"));
        assertThat(await(store.findByPhone("+44 20 7946 0109")).map(CustomerProfile::customerId)).contains("C1009");
    }

    @Test
    void pingMeasuresARoundTrip() throws Exception {
        Optional<Duration> rtt = Optional.of(await(store.ping()));
        assertThat(rtt.get()).isPositive();
    }
}
