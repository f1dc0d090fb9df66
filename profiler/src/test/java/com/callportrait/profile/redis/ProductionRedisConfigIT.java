package com.callportrait.profile.redis;

import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.PhoneOptions;
import io.lettuce.core.RedisCommandExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import static com.callportrait.profile.redis.RedisProfileStoreIT.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shipped {@code redis-config/redis.conf} and {@code users.acl.example} on a real redis-server:
 * only the data dir, the ACL file path and the port are changed, and the template's zero hashes are
 * replaced by the hash of a password made up for this run. The store must work as the
 * {@code callportrait} ACL user, and that user must be denied keys outside {@code cp:*} and
 * destructive commands.
 */
class ProductionRedisConfigIT {

    static final Path CONFIG_DIR = Path.of("..", "redis-config");
    static final String ZERO_HASH = "0".repeat(64);
    static final String PASSWORD = UUID.randomUUID().toString();
    static RedisServer server;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        Path dir = RedisProfileStoreIT.freshDataDir().toAbsolutePath();
        Files.createDirectories(dir);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PASSWORD.getBytes(StandardCharsets.UTF_8)));
        Path acl = dir.resolve("users.acl");
        Files.writeString(acl, Files.readString(CONFIG_DIR.resolve("users.acl.example")).replace(ZERO_HASH, hash));
        String conf = Files.readString(CONFIG_DIR.resolve("redis.conf"))
                .replace("dir /var/lib/redis", "dir " + dir)
                .replace("aclfile /etc/redis/users.acl", "aclfile " + acl)
                .replace("supervised auto", "supervised no");
        Path confFile = dir.resolve("redis.conf");
        Files.writeString(confFile, conf);
        port = EmbeddedRedis.builder().freePort().build().port();
        server = RedisServer.newRedisServer().configFile(confFile).port(port).build();
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void theStoreWorksAsTheCallportraitAclUser() throws Exception {
        try (RedisProfileStore store = RedisProfileStore.open(
                RedisOptions.of("redis://callportrait:" + PASSWORD + "@127.0.0.1:" + port), PhoneOptions.DEFAULT)) {
            CustomerProfile jane = TestProfiles.jane("5551234", "+1 555 123 4567");
            await(store.save(jane));
            await(store.save(TestProfiles.jane("5551234")));
            assertThat(await(store.findByPhone("5551234")).map(CustomerProfile::customerId)).contains("C1001");
            assertThat(await(store.findByPhone("15551234567"))).isEmpty();
            RedisConnector c = store.connector();
            assertThat(c.sync().xadd("cp:events", "type", "route", "call", "x")).isNotBlank();
            assertThatThrownBy(() -> c.sync().set("other:key", "1")).isInstanceOf(RedisCommandExecutionException.class)
                    .hasMessageContaining("NOPERM");
            assertThatThrownBy(() -> c.sync().flushall()).hasMessageContaining("NOPERM");
            assertThatThrownBy(() -> c.sync().keys("*")).hasMessageContaining("NOPERM");
            assertThatThrownBy(() -> c.sync().configGet("*")).hasMessageContaining("NOPERM");
        }
    }

    @Test
    void wrongPasswordAndTheDefaultUserAreRefused() {
        assertThatThrownBy(() -> RedisConnector.connect(RedisOptions.of("redis://callportrait:wrong@127.0.0.1:" + port)))
                .isInstanceOf(RedisStoreException.class);
        try (RedisConnector anonymous = RedisConnector.connect(RedisOptions.of("redis://127.0.0.1:" + port))) {
            assertThatThrownBy(() -> anonymous.sync().get("cp:phone:5551234")).hasMessageContaining("NOAUTH");
        } catch (RedisStoreException refusedAtConnect) {
            assertThat(refusedAtConnect).hasMessageContaining("127.0.0.1:" + port);
        }
    }

    @Test
    void persistenceAndMemoryPolicyAreAsDocumented() {
        try (RedisConnector admin = RedisConnector.connect(RedisOptions.of("redis://admin:" + PASSWORD + "@127.0.0.1:" + port))) {
            assertThat(admin.sync().configGet("appendonly")).containsEntry("appendonly", "yes");
            assertThat(admin.sync().configGet("appendfsync")).containsEntry("appendfsync", "everysec");
            assertThat(admin.sync().configGet("maxmemory-policy")).containsEntry("maxmemory-policy", "noeviction");
            assertThat(admin.sync().configGet("maxmemory")).containsEntry("maxmemory", String.valueOf(4L << 30));
        }
    }
}
