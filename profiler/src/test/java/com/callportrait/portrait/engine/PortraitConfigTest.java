package com.callportrait.portrait.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import com.callportrait.portrait.PortraitException;
import com.callportrait.portrait.semantic.ConfigFiles;
import com.callportrait.profile.PhoneOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortraitConfigTest {
    @Test
    void defaultsWhenNothingIsSet() {
        PortraitConfig c = PortraitConfig.from(Env.empty());
        assertThat(c.zone()).isEqualTo(PortraitConfig.DEFAULT_ZONE);
        assertThat(c.seed()).isEqualTo(PortraitConfig.DEFAULT_SEED);
        assertThat(c.horizonDays()).isEqualTo(PortraitConfig.DEFAULT_HORIZON_DAYS);
        assertThat(c.phones()).isEqualTo(PhoneOptions.DEFAULT);
        assertThat(ConfigFiles.from(Env.empty())).isEqualTo(ConfigFiles.DEFAULT);
    }

    @Test
    void readsZoneAndPhones() {
        PortraitConfig c = PortraitConfig.from(Env.of(Map.of("CP_PORTRAIT_ZONE", "Europe/London",
                "CP_PHONE_COUNTRY_CODE", "44")));
        assertThat(c.zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(c.phones().countryCode()).isEqualTo("44");
        assertThat(c.normalisePhone("020 7946 0018")).isEqualTo("442079460018");
    }

    @Test
    void theChurnHorizonIsConfigurableAndCheckedByName() {
        assertThat(PortraitConfig.from(Env.empty()).churnDays()).isEqualTo(PortraitConfig.DEFAULT_CHURN_DAYS);
        assertThat(PortraitConfig.from(Env.of(Map.of("CP_PORTRAIT_CHURN_DAYS", "30"))).churnDays()).isEqualTo(30);
        for (String bad : new String[] {"3", "400", "ninety"}) {
            assertThatThrownBy(() -> PortraitConfig.from(Env.of(Map.of("CP_PORTRAIT_CHURN_DAYS", bad))))
                    .isInstanceOfSatisfying(ConfigException.class,
                            e -> assertThat(e.variable()).contains("CP_PORTRAIT_CHURN_DAYS"));
        }
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> PortraitConfig.from(Env.of(Map.of("CP_PORTRAIT_ZONE", "Mars/Olympus"))))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.variable()).contains("CP_PORTRAIT_ZONE"));
        assertThatThrownBy(() -> PortraitConfig.from(Env.of(Map.of("CP_PORTRAIT_TOPICS", "/no/such/topics.yaml"))))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.variable()).contains("CP_PORTRAIT_TOPICS"));
    }

    @Test
    void anOverrideFileIsRead(@TempDir Path dir) throws Exception {
        Path topics = Files.writeString(dir.resolve("topics.yaml"), "topics: [not, a, map]\n");
        ConfigFiles files = ConfigFiles.from(Env.of(Map.of("CP_PORTRAIT_TOPICS", topics.toString())));
        assertThat(files.topics()).isEqualTo(topics);
        assertThatThrownBy(() -> PortraitConfig.builder().files(files).build())
                .isInstanceOf(PortraitException.class).hasMessageContaining("topics.yaml");
    }
}
