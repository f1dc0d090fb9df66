package com.callportrait.portrait.retrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetrainOptionsTest {

    @Test
    void anEmptyEnvironmentGivesTheDefaults() {
        RetrainOptions o = RetrainOptions.from(Env.of(Map.of()));
        assertThat(o).isEqualTo(RetrainOptions.defaults());
        assertThat(o.enabled()).isTrue();
        assertThat(o.interval()).isEqualTo(RetrainOptions.DEFAULT_INTERVAL);
        assertThat(o.minNew()).isEqualTo(RetrainOptions.DEFAULT_MIN_NEW);
        assertThat(o.cpuShare()).isEqualTo(RetrainOptions.DEFAULT_CPU_SHARE);
    }

    @Test
    void everyVariableIsRead() {
        RetrainOptions o = RetrainOptions.from(Env.of(Map.of("CP_RETRAIN", "off", "CP_RETRAIN_INTERVAL", "6h",
                "CP_RETRAIN_MIN_NEW", "250", "CP_RETRAIN_MAX_CUSTOMERS", "10000", "CP_RETRAIN_CPU", "0.25",
                "CP_RETRAIN_LEASE", "2m")));
        assertThat(o.enabled()).isFalse();
        assertThat(o.interval()).isEqualTo(Duration.ofHours(6));
        assertThat(o.minNew()).isEqualTo(250);
        assertThat(o.maxCustomers()).isEqualTo(10_000);
        assertThat(o.cpuShare()).isEqualTo(0.25);
        assertThat(o.lease()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aBadValueNamesItsVariable() {
        assertThatThrownBy(() -> RetrainOptions.from(Env.of(Map.of("CP_RETRAIN_MIN_NEW", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_RETRAIN_MIN_NEW");
        assertThatThrownBy(() -> RetrainOptions.from(Env.of(Map.of("CP_RETRAIN_INTERVAL", "10s"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_RETRAIN_INTERVAL");
        assertThatThrownBy(() -> RetrainOptions.from(Env.of(Map.of("CP_RETRAIN_INTERVAL", "soon"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_RETRAIN_INTERVAL");
        assertThatThrownBy(() -> RetrainOptions.from(Env.of(Map.of("CP_RETRAIN_CPU", "2"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_RETRAIN_CPU");
        assertThatThrownBy(() -> RetrainOptions.from(Env.of(Map.of("CP_RETRAIN_LEASE", "1s"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_RETRAIN_LEASE");
        assertThatThrownBy(() -> RetrainOptions.builder().maxCustomers(5).build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_RETRAIN_MAX_CUSTOMERS");
    }
}
