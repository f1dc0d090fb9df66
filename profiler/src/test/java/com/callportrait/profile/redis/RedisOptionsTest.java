package com.callportrait.profile.redis;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisOptionsTest {

    @Test
    void unsetUriMeansEmbedded() {
        assertThat(RedisOptions.from(Env.of(Map.of()))).isEmpty();
        assertThat(RedisOptions.from(Env.of(Map.of("CP_REDIS_URI", "  ")))).isEmpty();
    }

    @Test
    void singleNodeWithAclUserAndDefaults() {
        RedisOptions o = RedisOptions.of("redis://callportrait:s3cret@redis.example:6380/2");
        assertThat(o.cluster()).isFalse();
        assertThat(o.commandTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.requestQueueSize()).isEqualTo(10_000);
        RedisURI uri = o.redisUris().get(0);
        assertThat(uri.getHost()).isEqualTo("redis.example");
        assertThat(uri.getPort()).isEqualTo(6380);
        assertThat(uri.getDatabase()).isEqualTo(2);
        assertThat(uri.getUsername()).isEqualTo("callportrait");
        assertThat(new String(uri.getPassword())).isEqualTo("s3cret");
        assertThat(uri.getTimeout()).isEqualTo(Duration.ofSeconds(2)); // handshake: the connect timeout
        assertThat(o.toString()).doesNotContain("s3cret").contains("callportrait:***@");
    }

    @Test
    void tlsScheme() {
        RedisOptions o = RedisOptions.of("rediss://u:p@redis.example:6380");
        assertThat(o.tls()).isTrue();
        assertThat(o.redisUris().get(0).isSsl()).isTrue();
    }

    @Test
    void clusterListInheritsSchemeAndCredentials() {
        RedisOptions o = RedisOptions.of("rediss://u:p@h1:7000, h2:7001 ,redis://h3:7002");
        assertThat(o.cluster()).isTrue();
        List<RedisURI> uris = o.redisUris();
        assertThat(uris).extracting(RedisURI::getHost).containsExactly("h1", "h2", "h3");
        assertThat(uris.get(1).isSsl()).isTrue();
        assertThat(uris.get(1).getUsername()).isEqualTo("u");
        assertThat(o.describe()).doesNotContain(":p@");
    }

    @Test
    void singleSeedCluster() {
        RedisOptions o = RedisOptions.from(Env.of(Map.of("CP_REDIS_URI", "redis://h1:7000", "CP_REDIS_CLUSTER", "true"))).orElseThrow();
        assertThat(o.cluster()).isTrue();
    }

    @Test
    void passwordFromFileOverridesTheUri(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("redis.pass");
        Files.writeString(file, "from-file\n");
        RedisOptions o = RedisOptions.from(Env.of(Map.of("CP_REDIS_URI", "redis://callportrait@h:6379",
                "CP_REDIS_PASSWORD_FILE", file.toString()))).orElseThrow();
        assertThat(new String(o.redisUris().get(0).getPassword())).isEqualTo("from-file");
        assertThat(o.toString()).doesNotContain("from-file");
    }

    @Test
    void aLoneUserInfoWithAPasswordFileNamesTheAclUser(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pass"), "s3cret-from-file\n");
        RedisOptions o = RedisOptions.from(Env.of(Map.of("CP_REDIS_URI", "rediss://callportrait@redis.internal:6380",
                "CP_REDIS_PASSWORD_FILE", file.toString()))).orElseThrow();
        RedisURI uri = o.redisUris().get(0);
        assertThat(uri.getUsername()).isEqualTo("callportrait");
        assertThat(new String(uri.getPassword())).isEqualTo("s3cret-from-file");
        assertThat(o.passwordInUri()).isFalse();
        assertThat(o.toString()).doesNotContain("s3cret");
        assertThat(RedisOptions.of("redis://cp:inline@h:6379").passwordInUri()).isTrue();
        assertThat(RedisOptions.of("redis://:inline@h:6379").passwordInUri()).isTrue();
        assertThat(RedisOptions.of("redis://h:6379").passwordInUri()).isFalse();
    }

    @Test
    void badValuesFailWithTheVariableName() {
        assertThatThrownBy(() -> RedisOptions.of("http://h:6379")).hasMessageContaining("redis://");
        assertThatThrownBy(() -> RedisOptions.of("h:6379")).hasMessageContaining("redis://");
        assertThatThrownBy(() -> RedisOptions.of("redis://h:99999")).hasMessageContaining("CP_REDIS_URI");
        assertThatThrownBy(() -> RedisOptions.of("redis://h1:1,,redis://h2:2")).hasMessageContaining("empty entry");
        assertThatThrownBy(() -> RedisOptions.from(Env.of(Map.of("CP_REDIS_URI", "redis://h", "CP_REDIS_TIMEOUT_MS", "0"))))
                .hasMessageContaining("CP_REDIS_TIMEOUT_MS");
        assertThatThrownBy(() -> RedisOptions.from(Env.of(Map.of("CP_REDIS_URI", "redis://h", "CP_REDIS_TIMEOUT_MS", "fast"))))
                .hasMessageContaining("CP_REDIS_TIMEOUT_MS");
        assertThatThrownBy(() -> RedisOptions.from(Env.of(Map.of("CP_REDIS_URI", "redis://h", "CP_REDIS_REQUEST_QUEUE", "0"))))
                .hasMessageContaining("CP_REDIS_REQUEST_QUEUE");
        assertThatThrownBy(() -> RedisOptions.from(Env.of(Map.of("CP_REDIS_URI", "redis://h", "CP_REDIS_CLUSTER", "maybe"))))
                .hasMessageContaining("CP_REDIS_CLUSTER");
        assertThatThrownBy(() -> RedisOptions.from(Env.of(Map.of("CP_REDIS_URI", "redis://h", "CP_REDIS_PASSWORD_FILE", "/no/such/file"))))
                .hasMessageContaining("CP_REDIS_PASSWORD_FILE");
        assertThatThrownBy(() -> RedisOptions.from(Env.of(Map.of("CP_REDIS_URI", "rediss://h", "CP_REDIS_TLS_CA", "/no/such/ca.pem"))))
                .hasMessageContaining("CP_REDIS_TLS_CA");
    }

    @Test
    void badValuesAreConfigExceptionsThatNameTheVariable() {
        assertThatThrownBy(() -> RedisOptions.from(Env.of(Map.of("CP_REDIS_URI", "redis://h", "CP_REDIS_CONNECTIONS", "65"))))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.variable()).contains("CP_REDIS_CONNECTIONS"));
        assertThatThrownBy(() -> RedisOptions.of("http://h:6379"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.variable()).contains("CP_REDIS_URI"));
    }

    @Test
    void builderStartsFromTheDefaults() {
        RedisOptions o = RedisOptions.builder("redis://h:6379").connections(4).build();
        assertThat(o.commandTimeout()).isEqualTo(RedisOptions.DEFAULT_COMMAND_TIMEOUT);
        assertThat(o.connectTimeout()).isEqualTo(RedisOptions.DEFAULT_CONNECT_TIMEOUT);
        assertThat(o.requestQueueSize()).isEqualTo(RedisOptions.DEFAULT_REQUEST_QUEUE);
        assertThat(o.connections()).isEqualTo(4);
        assertThat(o.cluster()).isFalse();
        assertThat(RedisOptions.builder("redis://h1:1,h2:2").build().cluster()).isTrue();
        assertThat(RedisOptions.from(Env.of(Map.of("CP_REDIS_URI", "redis://h:6379"))).orElseThrow())
                .isEqualTo(RedisOptions.of("redis://h:6379"));
    }

    @Test
    void embeddedRedisKeepsItsDataUnderTheDataDir() {
        assertThat(EmbeddedRedis.DEFAULT_DATA_DIR.toString()).isEqualTo("./data/redis");
        assertThat(EmbeddedRedis.from(Env.empty()).port(6390).build().dataDir()).isEqualTo(Path.of("./data/redis"));
        assertThat(EmbeddedRedis.from(Env.of(Map.of("CP_DATA_DIR", "/var/lib/cp"))).port(6390).build().dataDir())
                .isEqualTo(Path.of("/var/lib/cp/redis"));
        assertThat(EmbeddedRedis.from(Env.of(Map.of("CP_DATA_DIR", "/var/lib/cp", "CP_REDIS_DATA_DIR", "/srv/redis")))
                .port(6390).build().dataDir()).isEqualTo(Path.of("/srv/redis"));
        EmbeddedRedis onPort = EmbeddedRedis.from(Env.of(Map.of("CP_REDIS_EMBEDDED_PORT", "6391"))).build();
        assertThat(onPort.port()).isEqualTo(6391);
        assertThatThrownBy(() -> EmbeddedRedis.from(Env.of(Map.of("CP_REDIS_EMBEDDED_PORT", "70000"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_REDIS_EMBEDDED_PORT");
    }
}
