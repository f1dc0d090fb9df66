package com.callportrait.speech.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentLegOptionsTest {
    @Test
    void offByDefault() {
        AgentLegOptions o = AgentLegOptions.from(Env.of(Map.of()));
        assertThat(o).isEqualTo(AgentLegOptions.defaults());
        assertThat(o.enabled()).isFalse();
        assertThat(o.gapMs()).isEqualTo(AgentLegOptions.DEFAULT_GAP_MS);
    }

    @Test
    void readsBothVariables() {
        AgentLegOptions o = AgentLegOptions.from(Env.of(Map.of("CP_TAP_AGENT", "yes", "CP_TALK_GAP_MS", "250")));
        assertThat(o).isEqualTo(AgentLegOptions.builder().enabled(true).gapMs(250).build());
    }

    @Test
    void badValuesNameTheirVariable() {
        assertThatThrownBy(() -> AgentLegOptions.from(Env.of(Map.of("CP_TAP_AGENT", "maybe"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_TAP_AGENT");
        assertThatThrownBy(() -> AgentLegOptions.from(Env.of(Map.of("CP_TALK_GAP_MS", "9000"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_TALK_GAP_MS");
        assertThatThrownBy(() -> AgentLegOptions.builder().gapMs(-1).build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_TALK_GAP_MS");
    }
}
