package com.callportrait.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.common.config.Env;
import com.callportrait.records.FreshOptions;
import com.callportrait.server.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** serve never trains on generated customers; the demo keeps its own. */
class ServeCommandTest {
    @Test
    void serveRunsWithoutGeneratedCustomersWhateverTheEnvironmentSays() {
        for (Map<String, String> env : java.util.List.of(Map.<String, String>of(), Map.of("CP_FRESH_GENERATE", "500"))) {
            Settings asRead = Settings.from(Env.of(env));
            Settings served = ServeCommand.production(asRead);
            assertThat(served.fresh().generate()).isZero();
            // nothing else changes
            assertThat(served.withFresh(asRead.fresh())).isEqualTo(asRead);
        }
    }

    @Test
    void theDemoStillGeneratesItsOwnByDefault() {
        assertThat(Settings.from(Env.of(Map.of())).fresh().generate()).isEqualTo(FreshOptions.DEFAULT_GENERATE)
                .isPositive();
    }
}
