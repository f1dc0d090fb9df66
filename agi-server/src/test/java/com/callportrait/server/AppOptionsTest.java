package com.callportrait.server;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppOptionsTest {

    private static AppOptions app(Map<String, String> vars) {
        return AppOptions.from(Env.of(vars));
    }

    @Test
    void defaultsWhenNothingIsSet() {
        AppOptions o = app(Map.of());
        assertThat(o.agiPort()).isEqualTo(4573);
        assertThat(o.audioSocketPort()).isEqualTo(9092);
        assertThat(o.httpPort()).isEqualTo(8080);
        assertThat(o.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(o.redis()).isEmpty();
        assertThat(o.embeddedRedisPort()).isEqualTo(6379);
        assertThat(o.embeddedRedisDataDir().toString()).isEqualTo("./data/redis");
        assertThat(o.routingRules()).isEmpty();
        assertThat(o.routeBudget()).isEqualTo(Duration.ofMillis(150));
        assertThat(o.agiSetMode()).isEqualTo(com.callportrait.route.SetMode.MSET);
        assertThat(o.dataDir().toString()).isEqualTo("./data");
        assertThat(o.logFormat()).isEqualTo(AppOptions.LogFormat.TEXT);
    }

    @Test
    void readsEveryVariable() {
        AppOptions o = app(Map.of("CP_AGI_PORT", "14573", "CP_HTTP_PORT", "18080", "CP_AUDIOSOCKET_PORT", "9500",
                "CP_REDIS_URI", "redis://10.0.0.5:6379",
                "CP_ROUTE_BUDGET_MS", "80", "CP_LOG_FORMAT", "JSON", "CP_AGI_SET_MODE", "set",
                "CP_BIND_ADDRESS", "127.0.0.1", "CP_DATA_DIR", "/var/lib/cp"));
        assertThat(o.agiPort()).isEqualTo(14573);
        assertThat(o.httpPort()).isEqualTo(18080);
        assertThat(o.redis().orElseThrow().nodes()).hasSize(1);
        assertThat(o.audioSocketPort()).isEqualTo(9500);
        assertThat(o.dataDir()).isEqualTo(java.nio.file.Path.of("/var/lib/cp"));
        assertThat(o.embeddedRedisDataDir()).isEqualTo(java.nio.file.Path.of("/var/lib/cp/redis"));
        assertThat(o.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(o.routeBudget()).isEqualTo(Duration.ofMillis(80));
        assertThat(o.logFormat()).isEqualTo(AppOptions.LogFormat.JSON);
        assertThat(o.agiSetMode()).isEqualTo(com.callportrait.route.SetMode.SET);
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> app(Map.of("CP_AGI_PORT", "70000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_AGI_PORT");
        assertThatThrownBy(() -> app(Map.of("CP_HTTP_PORT", "http")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_HTTP_PORT");
        assertThatThrownBy(() -> app(Map.of("CP_ROUTE_BUDGET_MS", "-5")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_ROUTE_BUDGET_MS");
        assertThatThrownBy(() -> app(Map.of("CP_LOG_FORMAT", "xml")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_LOG_FORMAT").hasMessageContaining("text|json");
        assertThatThrownBy(() -> app(Map.of("CP_REDIS_URI", "localhost:6379")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_REDIS_URI");
        assertThatThrownBy(() -> app(Map.of("CP_AUDIOSOCKET_PORT", "70000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_AUDIOSOCKET_PORT");
        assertThatThrownBy(() -> app(Map.of("CP_AGI_PORT", "abc")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("CP_AGI_PORT must be a whole number in [0, 65535], got 'abc'");
        assertThatThrownBy(() -> app(Map.of("CP_ROUTING_RULES", "/no/such/rules.yaml")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_ROUTING_RULES");
        assertThatThrownBy(() -> app(Map.of("CP_BIND_ADDRESS", "not an address")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_BIND_ADDRESS");
        assertThatThrownBy(() -> app(Map.of("CP_PHONE_COUNTRY_CODE", "0x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("country code");
        assertThatThrownBy(() -> app(Map.of("CP_REDIS_URI", "redis://h:1", "CP_REDIS_TIMEOUT_MS", "soon")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_REDIS_TIMEOUT_MS");
        assertThatThrownBy(() -> app(Map.of("CP_AGI_PORT", "8080")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("must differ");
        assertThatThrownBy(() -> app(Map.of("CP_AGI_ALLOW", "pbx.internal")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_AGI_ALLOW")
                .hasMessageContaining("pbx.internal");
    }

    @Test
    void theBuildersDefaultsAreTheConstantsAndWhatAnEmptyEnvironmentGives() {
        AppOptions d = AppOptions.builder().build();
        assertThat(d).isEqualTo(AppOptions.from(Env.empty()));
        assertThat(d.bindAddress()).isEqualTo(AppOptions.DEFAULT_BIND_ADDRESS);
        assertThat(d.agiPort()).isEqualTo(AppOptions.DEFAULT_AGI_PORT);
        assertThat(d.audioSocketPort()).isEqualTo(AppOptions.DEFAULT_AUDIOSOCKET_PORT);
        assertThat(d.httpPort()).isEqualTo(AppOptions.DEFAULT_HTTP_PORT);
        assertThat(d.embeddedRedisPort()).isEqualTo(AppOptions.DEFAULT_EMBEDDED_REDIS_PORT);
        assertThat(d.dataDir()).isEqualTo(Env.DEFAULT_DATA_DIR);
        assertThat(d.embeddedRedisDataDir()).isEqualTo(Env.DEFAULT_DATA_DIR.resolve(AppOptions.REDIS_UNDER_DATA_DIR));
        assertThat(d.phones()).isEqualTo(com.callportrait.profile.PhoneOptions.DEFAULT);
        assertThat(d.routeBudget()).isEqualTo(AppOptions.DEFAULT_ROUTE_BUDGET);
        assertThat(d.agiIdleTimeout()).isEqualTo(AppOptions.DEFAULT_AGI_IDLE_TIMEOUT);
        assertThat(d.agiSetMode()).isEqualTo(AppOptions.DEFAULT_AGI_SET_MODE);
        assertThat(d.eventsMaxLen()).isEqualTo(AppOptions.DEFAULT_EVENTS_MAXLEN);
        assertThat(d.eventsBuffer()).isEqualTo(AppOptions.DEFAULT_EVENTS_BUFFER);
        assertThat(d.shutdownGrace()).isEqualTo(AppOptions.DEFAULT_SHUTDOWN_GRACE);
        assertThat(d.logFormat()).isEqualTo(AppOptions.DEFAULT_LOG_FORMAT);
        assertThat(d.agiAllow().acceptsAny()).isTrue();
    }

    @Test
    void copiesChangeOnlyWhatTheyName() {
        AppOptions d = AppOptions.builder().dataDir(java.nio.file.Path.of("/srv/cp")).build();
        assertThat(d.embeddedRedisDataDir()).isEqualTo(java.nio.file.Path.of("/srv/cp/redis"));
        AppOptions p = d.withPorts(0, 0, 0);
        assertThat(p.agiPort()).isZero();
        assertThat(p.toBuilder().ports(d.agiPort(), d.audioSocketPort(), d.httpPort()).build()).isEqualTo(d);
        assertThatThrownBy(() -> AppOptions.builder().ports(9000, 9000, 8080).build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("must differ");
    }

    @Test
    void theFastAgiAllowListIsReadAndDefaultsToAnyAddress() {
        assertThat(app(Map.of()).agiAllow().acceptsAny()).isTrue();
        AppOptions o = app(Map.of("CP_AGI_ALLOW", "10.0.0.5/32, fd00::/8"));
        assertThat(o.agiAllow().allows(new java.net.InetSocketAddress("10.0.0.5", 1))).isTrue();
        assertThat(o.agiAllow().allows(new java.net.InetSocketAddress("10.0.0.6", 1))).isFalse();
        assertThat(o.withPorts(0, 0, 0).agiAllow()).isSameAs(o.agiAllow());
        assertThat(o.toString()).contains("agiAllow=10.0.0.5/32,fd00::/8");
    }

    @Test
    void secretsAreMaskedInRedisUris() {
        AppOptions o = app(Map.of("CP_REDIS_URI", "rediss://cp:pw@redis:6380"));
        assertThat(o.toString()).contains("rediss://cp:***@redis:6380").doesNotContain(":pw@");
    }
}
