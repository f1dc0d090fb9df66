package com.callportrait.records.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.common.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpoolOptionsTest {
    @Test
    void defaultsLiveUnderTheDataDir() {
        SpoolOptions o = SpoolOptions.fromEnv(Map.of(), Path.of("/var/lib/cp"));
        assertThat(o.dir()).isEqualTo(Path.of("/var/lib/cp/spool/interactions"));
        assertThat(o.maxBytes()).isEqualTo(1L << 30);
        assertThat(o.dedupTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(o.ackDelay()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void everySettingIsReadAndABadOneNamesItsVariable() {
        SpoolOptions o = SpoolOptions.fromEnv(Map.of("CP_SPOOL_DIR", "/spool", "CP_SPOOL_MAX_BYTES", "1048576",
                "CP_SPOOL_DEDUP_TTL_S", "86400", "CP_SPOOL_ACK_DELAY_MS", "0"), Path.of("data"));
        assertThat(o).isEqualTo(new SpoolOptions(Path.of("/spool"), 1 << 20, Duration.ofDays(1), Duration.ZERO));
        assertThatThrownBy(() -> SpoolOptions.fromEnv(Map.of("CP_SPOOL_ACK_DELAY_MS", "90000"), Path.of("data")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_SPOOL_ACK_DELAY_MS");
        assertThatThrownBy(() -> SpoolOptions.fromEnv(Map.of("CP_SPOOL_MAX_BYTES", "lots"), Path.of("data")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_SPOOL_MAX_BYTES");
        assertThatThrownBy(() -> SpoolOptions.fromEnv(Map.of("CP_SPOOL_MAX_BYTES", "10"), Path.of("data")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_SPOOL_MAX_BYTES");
        assertThatThrownBy(() -> SpoolOptions.fromEnv(Map.of("CP_SPOOL_DEDUP_TTL_S", "5"), Path.of("data")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_SPOOL_DEDUP_TTL_S");
    }
}
