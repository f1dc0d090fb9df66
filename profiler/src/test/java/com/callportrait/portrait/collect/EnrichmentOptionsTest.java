package com.callportrait.portrait.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrichmentOptionsTest {
    @Test
    void noUrlNoEnrichment() {
        assertThat(EnrichmentOptions.from(Env.empty())).isEmpty();
    }

    @Test
    void readsTheVariables() {
        EnrichmentOptions o = EnrichmentOptions.from(Env.of(Map.of("CP_ENRICH_URL", " https://crm.example/attrs ",
                "CP_ENRICH_TIMEOUT_MS", "250", "CP_ENRICH_RETRIES", "0"))).orElseThrow();
        assertThat(o.url().toString()).isEqualTo("https://crm.example/attrs");
        assertThat(o.timeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(o.retries()).isZero();
        assertThat(o.breakAfter()).isEqualTo(EnrichmentOptions.DEFAULT_BREAK_AFTER);
        assertThat(EnrichmentOptions.from(Env.of(Map.of("CP_ENRICH_URL", "http://h/a"))).orElseThrow())
                .isEqualTo(EnrichmentOptions.of("http://h/a"));
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> EnrichmentOptions.from(Env.of(Map.of("CP_ENRICH_URL", "ftp://h/a"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_ENRICH_URL");
        assertThatThrownBy(() -> EnrichmentOptions.from(Env.of(Map.of("CP_ENRICH_URL", "http://h", "CP_ENRICH_TIMEOUT_MS", "soon"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_ENRICH_TIMEOUT_MS");
        assertThatThrownBy(() -> EnrichmentOptions.from(Env.of(Map.of("CP_ENRICH_URL", "http://h", "CP_ENRICH_RETRIES", "11"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_ENRICH_RETRIES");
        assertThatThrownBy(() -> EnrichmentOptions.builder("http://h").breakAfter(0).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
