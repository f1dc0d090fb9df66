package com.callportrait.server;

import com.callportrait.common.config.ConfigException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppOptionsTest {

    @Test
    void defaultsWhenNothingIsSet() {
        AppOptions o = AppOptions.fromEnv(Map.of());
        assertThat(o.agiPort()).isEqualTo(4573);
        assertThat(o.audioSocketPort()).isEqualTo(9092);
        assertThat(o.httpPort()).isEqualTo(8080);
        assertThat(o.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(o.redis()).isEmpty();
        assertThat(o.embeddedRedisPort()).isEqualTo(6379);
        assertThat(o.embeddedRedisDataDir().toString()).isEqualTo("./data/redis");
        assertThat(o.amiUri()).isEmpty();
        assertThat(o.routingRules()).isEmpty();
        assertThat(o.routeBudget()).isEqualTo(Duration.ofMillis(150));
        assertThat(o.agiSetMode()).isEqualTo(com.callportrait.route.SetMode.MSET);
        assertThat(o.dataDir().toString()).isEqualTo("./data");
        assertThat(o.logFormat()).isEqualTo(AppOptions.LogFormat.TEXT);
    }

    @Test
    void readsEveryVariable() {
        AppOptions o = AppOptions.fromEnv(Map.of("CP_AGI_PORT", "14573", "CP_HTTP_PORT", "18080",
                "CP_REDIS_URI", "redis://10.0.0.5:6379", "CP_AMI_URI", "ami://cp:s3cret@pbx:5038",
                "CP_ROUTE_BUDGET_MS", "80", "CP_LOG_FORMAT", "JSON", "CP_AGI_SET_MODE", "set",
                "CP_BIND_ADDRESS", "127.0.0.1", "CP_DATA_DIR", "/var/lib/cp"));
        assertThat(o.agiPort()).isEqualTo(14573);
        assertThat(o.httpPort()).isEqualTo(18080);
        assertThat(o.redis().orElseThrow().nodes()).hasSize(1);
        assertThat(o.amiUri().orElseThrow().getHost()).isEqualTo("pbx");
        assertThat(o.routeBudget()).isEqualTo(Duration.ofMillis(80));
        assertThat(o.logFormat()).isEqualTo(AppOptions.LogFormat.JSON);
        assertThat(o.agiSetMode()).isEqualTo(com.callportrait.route.SetMode.SET);
        assertThat(o.toString()).contains("ami://cp:***@pbx:5038").doesNotContain("s3cret");
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> AppOptions.fromEnv(Map.of("CP_AGI_PORT", "70000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_AGI_PORT");
        assertThatThrownBy(() -> AppOptions.fromEnv(Map.of("CP_HTTP_PORT", "http")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_HTTP_PORT");
        assertThatThrownBy(() -> AppOptions.fromEnv(Map.of("CP_ROUTE_BUDGET_MS", "-5")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_ROUTE_BUDGET_MS");
        assertThatThrownBy(() -> AppOptions.fromEnv(Map.of("CP_LOG_FORMAT", "xml")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_LOG_FORMAT").hasMessageContaining("text|json");
        assertThatThrownBy(() -> AppOptions.fromEnv(Map.of("CP_REDIS_URI", "localhost:6379")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_REDIS_URI");
        assertThatThrownBy(() -> AppOptions.fromEnv(Map.of("CP_AMI_URI", "ami://pbx:5038")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_AMI_URI");
        assertThatThrownBy(() -> AppOptions.fromEnv(Map.of("CP_ROUTING_RULES", "/no/such/rules.yaml")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_ROUTING_RULES");
        assertThatThrownBy(() -> AppOptions.fromEnv(Map.of("CP_BIND_ADDRESS", "not an address")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_BIND_ADDRESS");
        assertThatThrownBy(() -> AppOptions.fromEnv(Map.of("CP_PHONE_COUNTRY_CODE", "0x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("country code");
        assertThatThrownBy(() -> AppOptions.fromEnv(Map.of("CP_REDIS_URI", "redis://h:1", "CP_REDIS_TIMEOUT_MS", "soon")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_REDIS_TIMEOUT_MS");
        assertThatThrownBy(() -> AppOptions.fromEnv(Map.of("CP_AGI_PORT", "8080")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("must differ");
        assertThatThrownBy(() -> AppOptions.fromEnv(Map.of("CP_AGI_ALLOW", "pbx.internal")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_AGI_ALLOW")
                .hasMessageContaining("pbx.internal");
    }

    @Test
    void theFastAgiAllowListIsReadAndDefaultsToAnyAddress() {
        assertThat(AppOptions.fromEnv(Map.of()).agiAllow().acceptsAny()).isTrue();
        AppOptions o = AppOptions.fromEnv(Map.of("CP_AGI_ALLOW", "10.0.0.5/32, fd00::/8"));
        assertThat(o.agiAllow().allows(new java.net.InetSocketAddress("10.0.0.5", 1))).isTrue();
        assertThat(o.agiAllow().allows(new java.net.InetSocketAddress("10.0.0.6", 1))).isFalse();
        assertThat(o.withPorts(0, 0, 0).agiAllow()).isSameAs(o.agiAllow());
        assertThat(o.toString()).contains("agiAllow=10.0.0.5/32,fd00::/8");
    }

    @Test
    void secretsAreMaskedInRedisUris() {
        AppOptions o = AppOptions.fromEnv(Map.of("CP_REDIS_URI", "rediss://cp:pw@redis:6380"));
        assertThat(o.toString()).contains("rediss://cp:***@redis:6380").doesNotContain(":pw@");
    }
}
