package com.callportrait.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import com.callportrait.server.http.HttpOptions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstanceOptionsTest {
    @Test
    void instanceAndHttpSettingsComeFromTheEnvironmentAndBadOnesNameTheirVariable() {
        InstanceOptions d = InstanceOptions.from(Env.empty());
        assertThat(d.id()).matches("[A-Za-z0-9_.:-]+-\\d+");
        assertThat(d.claimTtl()).isEqualTo(Duration.ofHours(12));
        InstanceOptions o = InstanceOptions.from(Env.of(Map.of("CP_INSTANCE_ID", "pbx-app-2",
                "CP_ACTION_CLAIM_TTL", "2h", "CP_ACTION_CLAIM_TIMEOUT_MS", "250")));
        assertThat(o).isEqualTo(new InstanceOptions("pbx-app-2", Duration.ofHours(2), Duration.ofMillis(250)));
        assertThatThrownBy(() -> InstanceOptions.from(Env.of(Map.of("CP_INSTANCE_ID", "a b"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_INSTANCE_ID");
        assertThatThrownBy(() -> InstanceOptions.from(Env.of(Map.of("CP_ACTION_CLAIM_TTL", "10s"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_ACTION_CLAIM_TTL");

        HttpOptions h = HttpOptions.from(Env.empty());
        assertThat(h.bindAddress()).as("this host only by default").isEqualTo("127.0.0.1");
        assertThat(h.loopbackOnly()).isTrue();
        assertThat(h.allow().acceptsAny()).isTrue();
        HttpOptions open = HttpOptions.from(Env.of(Map.of("CP_HTTP_BIND_ADDRESS", "0.0.0.0",
                "CP_HTTP_ALLOW", "10.0.0.0/8", "CP_HTTP_AUTH_FAILURES", "5")));
        assertThat(open.loopbackOnly()).isFalse();
        assertThat(open.allow().toString()).isEqualTo("10.0.0.0/8");
        assertThat(open.failuresPerMinute()).isEqualTo(5);
        assertThatThrownBy(() -> HttpOptions.from(Env.of(Map.of("CP_HTTP_ALLOW", "pbx.example"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_HTTP_ALLOW");
        assertThatThrownBy(() -> HttpOptions.from(Env.of(Map.of("CP_HTTP_BIND_ADDRESS", "everywhere"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_HTTP_BIND_ADDRESS");
        assertThatThrownBy(() -> HttpOptions.from(Env.of(Map.of("CP_HTTP_AUTH_FAILURES", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_HTTP_AUTH_FAILURES");
        assertThat(Settings.from(Env.of(Map.of("CP_HTTP_BIND_ADDRESS", "0.0.0.0"))).http().bindAddress())
                .isEqualTo("0.0.0.0");
    }
}
