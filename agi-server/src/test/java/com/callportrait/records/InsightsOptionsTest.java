package com.callportrait.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InsightsOptionsTest {
    @Test
    void defaultsAreDailyWithoutTouchingQueuePenalties() {
        InsightsOptions o = InsightsOptions.from(Env.of(Map.of()));
        assertThat(o.enabled()).isTrue();
        assertThat(o.every()).isEqualTo(Duration.ofHours(24));
        assertThat(o.penalties()).isFalse();
        assertThat(o.memberOf("agent-07")).isEqualTo("Local/agent-07@cp-agents");
    }

    @Test
    void readsEveryVariable() {
        InsightsOptions o = InsightsOptions.from(Env.of(Map.of("CP_INSIGHTS", "off", "CP_INSIGHTS_EVERY", "6h",
                "CP_INSIGHTS_PENALTIES", "on", "CP_INSIGHTS_MEMBER_INTERFACE", "PJSIP/{agent}")));
        assertThat(o.enabled()).isFalse();
        assertThat(o.every()).isEqualTo(Duration.ofHours(6));
        assertThat(o.penalties()).isTrue();
        assertThat(o.memberOf("anna")).isEqualTo("PJSIP/anna");
    }

    @Test
    void badValuesNameTheirVariable() {
        assertThatThrownBy(() -> InsightsOptions.from(Env.of(Map.of("CP_INSIGHTS_EVERY", "10s"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_INSIGHTS_EVERY");
        assertThatThrownBy(() -> InsightsOptions.from(Env.of(Map.of("CP_INSIGHTS_MEMBER_INTERFACE", "PJSIP/anna"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_INSIGHTS_MEMBER_INTERFACE");
    }
}
