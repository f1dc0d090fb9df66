package com.callportrait.records.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpoolOptionsTest {
    private static SpoolOptions spool(Map<String, String> vars) {
        return SpoolOptions.from(Env.of(vars));
    }

    @Test
    void theBuildersDefaultsAreTheConstantsAndWhatAnEmptyEnvironmentGives() {
        SpoolOptions d = SpoolOptions.builder().build();
        assertThat(d).isEqualTo(SpoolOptions.from(Env.empty())).isEqualTo(SpoolOptions.under(Env.DEFAULT_DATA_DIR));
        assertThat(d.dir()).isEqualTo(Path.of("./data/spool/interactions"));
        assertThat(d.maxBytes()).isEqualTo(SpoolOptions.DEFAULT_MAX_BYTES);
        assertThat(d.dedupTtl()).isEqualTo(SpoolOptions.DEFAULT_DEDUP_TTL);
        assertThat(d.ackDelay()).isEqualTo(SpoolOptions.DEFAULT_ACK_DELAY);
    }
    @Test
    void defaultsLiveUnderTheDataDir() {
        SpoolOptions o = SpoolOptions.from(Env.of(Map.of("CP_DATA_DIR", "/var/lib/cp")));
        assertThat(o.dir()).isEqualTo(Path.of("/var/lib/cp/spool/interactions"));
        assertThat(o.maxBytes()).isEqualTo(1L << 30);
        assertThat(o.dedupTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(o.ackDelay()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void everySettingIsReadAndABadOneNamesItsVariable() {
        SpoolOptions o = SpoolOptions.from(Env.of(Map.of("CP_SPOOL_DIR", "/spool", "CP_SPOOL_MAX_BYTES", "1048576",
                "CP_SPOOL_DEDUP_TTL_S", "86400", "CP_SPOOL_ACK_DELAY_MS", "0")));
        assertThat(o).isEqualTo(new SpoolOptions(Path.of("/spool"), 1 << 20, Duration.ofDays(1), Duration.ZERO));
        assertThatThrownBy(() -> spool(Map.of("CP_SPOOL_ACK_DELAY_MS", "90000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_SPOOL_ACK_DELAY_MS");
        assertThatThrownBy(() -> spool(Map.of("CP_SPOOL_MAX_BYTES", "lots")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_SPOOL_MAX_BYTES");
        assertThatThrownBy(() -> spool(Map.of("CP_SPOOL_MAX_BYTES", "10")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_SPOOL_MAX_BYTES");
        assertThatThrownBy(() -> spool(Map.of("CP_SPOOL_DEDUP_TTL_S", "5")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_SPOOL_DEDUP_TTL_S");
    }
}
