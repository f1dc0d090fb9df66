package com.callportrait.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {

    @Test
    void theDataDirIsOneValueAndEveryLocalPathDerivesFromIt() {
        Settings d = Settings.from(Env.empty());
        assertThat(d.app().dataDir()).isEqualTo(Path.of("./data")).isEqualTo(Env.DEFAULT_DATA_DIR);
        assertThat(d.speech().asr().dataDir()).isEqualTo(d.app().dataDir());
        assertThat(d.app().embeddedRedisDataDir()).isEqualTo(Path.of("./data/redis"));
        assertThat(d.spool().dir()).isEqualTo(Path.of("./data/spool/interactions"));

        Settings s = Settings.from(Env.of(Map.of("CP_DATA_DIR", "/var/lib/cp")));
        assertThat(s.app().dataDir()).isEqualTo(Path.of("/var/lib/cp"));
        assertThat(s.speech().asr().dataDir()).isEqualTo(Path.of("/var/lib/cp"));
        assertThat(s.app().embeddedRedisDataDir()).isEqualTo(Path.of("/var/lib/cp/redis"));
        assertThat(s.spool().dir()).isEqualTo(Path.of("/var/lib/cp/spool/interactions"));

        Settings of = Settings.of(AppOptions.builder().dataDir(Path.of("/srv/cp")).build());
        assertThat(of.speech().asr().dataDir()).isEqualTo(Path.of("/srv/cp"));
        assertThat(of.spool().dir()).isEqualTo(Path.of("/srv/cp/spool/interactions"));
    }

    @Test
    void anEmptyEnvironmentGivesEveryModulesDefaults() {
        Settings d = Settings.from(Env.empty());
        Settings b = Settings.defaults();
        assertThat(d.app()).isEqualTo(b.app());
        assertThat(d.speech()).isEqualTo(b.speech());
        assertThat(d.fresh()).isEqualTo(b.fresh());
        assertThat(d.spool()).isEqualTo(b.spool());
        assertThat(d.live().ami()).isEmpty();
        assertThat(d.live().randomTokenSecret()).isTrue();
        assertThat(d.speech().enabled()).isTrue();
        assertThat(d.enrichment()).isEmpty();
    }

    @Test
    void theAmiUriIsReadOnceByTheLiveSettingsAndItsSecretIsMasked() {
        Settings s = Settings.from(Env.of(Map.of("CP_AMI_URI", "ami://cp:s3cret@pbx:5038")));
        assertThat(s.live().ami().orElseThrow().host()).isEqualTo("pbx");
        assertThat(s.live().ami().orElseThrow().secret()).isEqualTo("s3cret");
        assertThat(s.toString()).contains("cp:***@pbx:5038").doesNotContain("s3cret");
    }

    @Test
    void theAudioSocketPortIsTheApplicationsAndTheSpeechServerListensThere() {
        Settings s = Settings.from(Env.of(Map.of("CP_AUDIOSOCKET_PORT", "9500", "CP_AUDIOSOCKET_IDLE_MS", "3000")));
        assertThat(s.app().audioSocketPort()).isEqualTo(9500);
        assertThat(s.speech().socket().idleMs()).isEqualTo(3000);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "CP_AGI_PORT|abc", "CP_HTTP_PORT|http", "CP_AUDIOSOCKET_PORT|70000", "CP_BIND_ADDRESS|nowhere",
            "CP_ROUTE_BUDGET_MS|-5", "CP_LOG_FORMAT|xml", "CP_AGI_ALLOW|pbx.internal", "CP_REDIS_URI|localhost:6379",
            "CP_EVENTS_BUFFER|many", "CP_SHUTDOWN_GRACE_MS|soon",
            "CP_AMI_URI|ami://pbx:5038", "CP_AMI_EVENT_QUEUE|10", "CP_CALL_EXPIRY_S|5", "CP_AGENT_MAP|PJSIP/1001",
            "CP_TOKEN_SECRET|short", "CP_LIVE_RULES|/no/such/live.yaml",
            "CP_SPEECH|maybe", "CP_ASR_WORKERS|0", "CP_ASR_RESAMPLING|sox", "CP_AUDIOSOCKET_MAX_PAYLOAD|10",
            "CP_FRESH|maybe", "CP_FRESH_GENERATE|-1", "CP_INTERACTION_PARTITIONS|0", "CP_FRESH_DATA|/no/such/dir",
            "CP_SPOOL_MAX_BYTES|lots", "CP_SPOOL_ACK_DELAY_MS|90000", "CP_DATA_DIR|bad\u0000path",
    })
    void aBadValueAnywhereStopsTheWholeConfigurationNamingItsVariable(String variable, String value) {
        assertThatThrownBy(() -> Settings.from(Env.of(Map.of(variable, value))))
                .isInstanceOf(ConfigException.class).hasMessageContaining(variable);
    }

    @Test
    void aBadValueOfTheProfilersOptionsStopsStartUpToo() {
        assertThatThrownBy(() -> Settings.from(Env.of(Map.of("CP_PHONE_COUNTRY_CODE", "0x"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("country code");
        assertThatThrownBy(() -> Settings.from(Env.of(Map.of("CP_ENRICH_URL", "http://crm", "CP_ENRICH_RETRIES", "x"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_ENRICH_RETRIES");
    }
}
