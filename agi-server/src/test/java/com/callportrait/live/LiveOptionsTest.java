package com.callportrait.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import com.callportrait.live.ami.AmiOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveOptionsTest {

    @Test
    void theBuildersDefaultsAreTheConstantsAndWhatAnEmptyEnvironmentGives() {
        LiveOptions d = LiveOptions.builder().build();
        LiveOptions e = LiveOptions.from(Env.empty());
        assertThat(d.ami()).isEmpty().isEqualTo(e.ami());
        assertThat(d.liveRules()).isEmpty().isEqualTo(e.liveRules());
        assertThat(d.callExpiry()).isEqualTo(LiveOptions.DEFAULT_CALL_EXPIRY).isEqualTo(e.callExpiry())
                .isEqualTo(Duration.ofSeconds(14_400));
        assertThat(d.randomTokenSecret()).isTrue();
        assertThat(e.randomTokenSecret()).isTrue();
        assertThat(d.agents().agentFor("alice", "PJSIP/1001")).isEqualTo("alice");
    }

    @Test
    void amiDefaultsAreTheConstants() {
        AmiOptions a = AmiOptions.of("pbx", AmiOptions.DEFAULT_PORT, "cp", "s3cret");
        assertThat(a.actionTimeout()).isEqualTo(AmiOptions.DEFAULT_ACTION_TIMEOUT);
        assertThat(a.eventQueue()).isEqualTo(AmiOptions.DEFAULT_EVENT_QUEUE);
        assertThat(a.reconnectMin()).isEqualTo(AmiOptions.DEFAULT_RECONNECT_MIN);
        assertThat(a.reconnectMax()).isEqualTo(AmiOptions.DEFAULT_RECONNECT_MAX);
        AmiOptions fromEnv = AmiOptions.from(Env.of(Map.of("CP_AMI_URI", "ami://cp:s3cret@pbx"))).orElseThrow();
        assertThat(fromEnv).isEqualTo(a);
        assertThat(a.toString()).contains("cp:***@pbx:5038").doesNotContain("s3cret");
        assertThatThrownBy(() -> AmiOptions.builder().host("pbx").username("cp").build())
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void readsEveryVariable(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("ami.secret"), "fromfile\n");
        Path rules = Files.writeString(dir.resolve("live.yaml"), "rules: []\n");
        LiveOptions o = LiveOptions.from(Env.of(Map.of("CP_AMI_URI", "ami://cp:@pbx:5039",
                "CP_AMI_SECRET_FILE", secret.toString(), "CP_AMI_ACTION_TIMEOUT_MS", "800", "CP_AMI_EVENT_QUEUE", "512",
                "CP_AMI_RECONNECT_MAX_MS", "1000", "CP_LIVE_RULES", rules.toString(),
                "CP_AGENT_MAP", "PJSIP/1001=alice", "CP_TOKEN_SECRET", "0123456789abcdef0123456789abcdef",
                "CP_CALL_EXPIRY_S", "600")));
        AmiOptions a = o.ami().orElseThrow();
        assertThat(a).isEqualTo(AmiOptions.builder().host("pbx").port(5039).username("cp").secret("fromfile")
                .actionTimeout(Duration.ofMillis(800)).eventQueue(512).reconnectMax(Duration.ofSeconds(1)).build());
        assertThat(o.liveRules()).contains(rules);
        assertThat(o.agents().agentFor("x", "PJSIP/1001")).isEqualTo("alice");
        assertThat(o.randomTokenSecret()).isFalse();
        assertThat(o.callExpiry()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void badValuesNameTheirVariable(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("ami.secret"), "fromfile\n");
        for (String[] bad : new String[][] {{"CP_AMI_URI", "ami://pbx:5038"}, {"CP_AMI_URI", "http://cp:s@pbx"},
                {"CP_AMI_URI", "ami://cp:s3cret@pbx:5038 x"}, {"CP_CALL_EXPIRY_S", "5"}, {"CP_CALL_EXPIRY_S", "long"},
                {"CP_AGENT_MAP", "PJSIP/1001"}, {"CP_LIVE_RULES", dir.resolve("none.yaml").toString()},
                {"CP_TOKEN_SECRET", "short"}}) {
            assertThatThrownBy(() -> LiveOptions.from(Env.of(Map.of(bad[0], bad[1]))))
                    .as(bad[0] + "=" + bad[1]).isInstanceOf(ConfigException.class).hasMessageContaining(bad[0])
                    .hasMessageNotContaining("s3cret");
        }
        for (String[] bad : new String[][] {{"CP_AMI_ACTION_TIMEOUT_MS", "0"}, {"CP_AMI_EVENT_QUEUE", "10"},
                {"CP_AMI_RECONNECT_MAX_MS", "soon"}, {"CP_AMI_SECRET_FILE", dir.resolve("none").toString()}}) {
            assertThatThrownBy(() -> LiveOptions.from(Env.of(Map.of("CP_AMI_URI", "ami://cp:@pbx", bad[0], bad[1]))))
                    .as(bad[0] + "=" + bad[1]).isInstanceOf(ConfigException.class).hasMessageContaining(bad[0]);
        }
        assertThatThrownBy(() -> LiveOptions.from(Env.of(Map.of("CP_AMI_URI", "ami://cp:s3cret@pbx",
                "CP_AMI_SECRET_FILE", secret.toString())))).isInstanceOf(ConfigException.class).hasMessageContaining("not both");
    }
}
