package com.callportrait.profile.redis;

import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.PhoneOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static com.callportrait.profile.redis.RedisProfileStoreIT.GUARD_SECONDS;
import static com.callportrait.profile.redis.RedisProfileStoreIT.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Restart persistence and Redis going away, each on its own server. */
class EmbeddedRedisIT {

    @Test
    void profilesSurviveARestartOnTheSameDataDir() throws Exception {
        Path dir = RedisProfileStoreIT.freshDataDir();
        CustomerProfile jane = TestProfiles.jane("5551234", "+1 555 123 4567");
        EmbeddedRedis redis = EmbeddedRedis.builder().freePort().dataDir(dir).build();
        try {
            redis.start();
            try (RedisProfileStore store = RedisProfileStore.open(redis.options(), PhoneOptions.DEFAULT)) {
                await(store.save(jane));
            }
            redis.stop();
            assertThat(dir.resolve("appendonly.aof")).exists();
            assertThat(Files.size(dir.resolve("appendonly.aof"))).isPositive();

            redis.start();
            try (RedisProfileStore store = RedisProfileStore.open(redis.options(), PhoneOptions.DEFAULT)) {
                assertThat(await(store.findByPhone("(555) 123-4567"))).contains(jane);
                assertThat(await(store.findByPhone("5551234"))).contains(jane);
            }
        } finally {
            redis.close();
        }
    }

    @Test
    void redisGoingDownFailsLookupsInsteadOfHanging() throws Exception {
        EmbeddedRedis redis = EmbeddedRedis.builder().freePort().dataDir(RedisProfileStoreIT.freshDataDir()).build().start();
        try (RedisConnector connector = RedisConnector.connect(redis.options())) {
            RedisProfileStore store = RedisProfileStore.create(connector, PhoneOptions.DEFAULT);
            await(store.save(TestProfiles.plain("C9001", "5550909")));
            redis.stop();
            // Commands issued while disconnected are rejected (REJECT_COMMANDS); ones already in
            // flight when the socket dies fail with the connection. Neither waits for Redis.
            for (int i = 0; i < 3; i++) {
                CompletableFuture<?> lookup = store.findByPhone("5550909").toCompletableFuture();
                assertThatThrownBy(() -> lookup.get(GUARD_SECONDS, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
            }
            // And when Redis returns, the same connector reconnects by itself.
            redis.start();
            CustomerProfile found = null;
            for (int i = 0; i < 100 && found == null; i++) {
                try {
                    found = await(store.findByPhone("5550909")).orElse(null);
                } catch (ExecutionException e) {
                    Thread.sleep(100);
                }
            }
            assertThat(found).isNotNull();
        } finally {
            redis.close();
        }
    }
}
