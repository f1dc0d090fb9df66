package com.callportrait.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreshOptionsTest {

    @Test
    void theBuildersDefaultsAreTheConstantsAndWhatAnEmptyEnvironmentGives() {
        FreshOptions d = FreshOptions.builder().build();
        assertThat(d).isEqualTo(FreshOptions.from(Env.empty())).isEqualTo(FreshOptions.defaults());
        assertThat(d.enabled()).isEqualTo(FreshOptions.DEFAULT_ENABLED).isTrue();
        assertThat(d.data()).isEmpty();
        assertThat(d.generate()).isEqualTo(FreshOptions.DEFAULT_GENERATE).isEqualTo(2_000);
        assertThat(d.partitions()).isEqualTo(FreshOptions.DEFAULT_PARTITIONS).isEqualTo(1);
        assertThat(d.consumer()).isEqualTo(FreshOptions.DEFAULT_CONSUMER).isEqualTo("live");
        assertThat(d.retention()).isEqualTo(FreshOptions.DEFAULT_RETENTION).isEqualTo(java.time.Duration.ofDays(60));
    }

    @Test
    void readsEveryVariable(@TempDir Path dir) {
        FreshOptions o = FreshOptions.from(Env.of(Map.of("CP_FRESH", "off", "CP_FRESH_DATA", dir.toString(),
                "CP_FRESH_GENERATE", "300", "CP_INTERACTION_PARTITIONS", "4", "CP_FRESH_CONSUMER", "node-2",
                "CP_INTERACTIONS_RETENTION", "90d")));
        assertThat(o).isEqualTo(new FreshOptions(false, java.util.Optional.of(dir), 300, 4, "node-2",
                java.time.Duration.ofDays(90)));
        assertThat(o.withGenerate(5).generate()).isEqualTo(5);
    }

    @Test
    void badValuesNameTheirVariable(@TempDir Path dir) {
        for (String[] bad : new String[][] {{"CP_FRESH", "maybe"}, {"CP_FRESH_GENERATE", "lots"},
                {"CP_FRESH_GENERATE", "-1"}, {"CP_INTERACTION_PARTITIONS", "0"}, {"CP_INTERACTION_PARTITIONS", "2000"},
                {"CP_FRESH_DATA", dir.resolve("none").toString()}, {"CP_INTERACTIONS_RETENTION", "12h"},
                {"CP_INTERACTIONS_RETENTION", "forever"}}) {
            assertThatThrownBy(() -> FreshOptions.from(Env.of(Map.of(bad[0], bad[1]))))
                    .as(bad[0] + "=" + bad[1]).isInstanceOf(ConfigException.class).hasMessageContaining(bad[0]);
        }
        assertThatThrownBy(() -> FreshOptions.builder().consumer(" ").build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_FRESH_CONSUMER");
    }
}
