package com.callportrait.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvTest {
    private enum Mode { MSET, SET }

    @Test
    void unsetAndBlankGiveTheDefault() {
        Env env = Env.of(Map.of("CP_BLANK", "  "));
        assertThat(env.port("CP_AGI_PORT", 4573)).isEqualTo(4573);
        assertThat(env.port("CP_BLANK", 4573)).isEqualTo(4573);
        assertThat(env.string("CP_BLANK")).isEmpty();
        assertThat(env.bool("CP_X", true)).isTrue();
        assertThat(env.list("CP_X")).isEmpty();
    }

    @Test
    void aBadNumberNamesTheVariableWhatItTakesAndWhatItGot() {
        Env env = Env.of(Map.of("CP_AGI_PORT", "abc", "CP_HTTP_PORT", "70000"));
        assertThatThrownBy(() -> env.port("CP_AGI_PORT", 4573)).isInstanceOf(ConfigException.class)
                .hasMessage("CP_AGI_PORT must be a whole number in [0, 65535], got 'abc'")
                .satisfies(e -> assertThat(((ConfigException) e).variable()).contains("CP_AGI_PORT"));
        assertThatThrownBy(() -> env.port("CP_HTTP_PORT", 8080)).hasMessage("CP_HTTP_PORT must be in [0, 65535], got 70000");
    }

    @Test
    void typedReads() {
        Env env = Env.of(Map.of("CP_A", " 0.25 ", "CP_B", "off", "CP_C", "set", "CP_D", "10m", "CP_E", "a, b,,c",
                "CP_F", "250", "CP_G", "PT2S"));
        assertThat(env.doubleIn("CP_A", 1, 0, 1)).isEqualTo(0.25);
        assertThat(env.bool("CP_B", true)).isFalse();
        assertThat(env.oneOf("CP_C", Mode.MSET, Mode.class)).isEqualTo(Mode.SET);
        assertThat(env.duration("CP_D", Duration.ZERO, Duration.ZERO)).isEqualTo(Duration.ofMinutes(10));
        assertThat(env.duration("CP_G", Duration.ZERO, Duration.ZERO)).isEqualTo(Duration.ofSeconds(2));
        assertThat(env.list("CP_E")).isEqualTo(List.of("a", "b", "c"));
        assertThat(env.millis("CP_F", Duration.ofMillis(150), 1, 10_000)).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void badTypedValuesAreRefusedNeverDefaulted() {
        Env env = Env.of(Map.of("CP_B", "maybe", "CP_C", "both", "CP_D", "ten minutes", "CP_U", "http://x",
                "CP_A", "1.5"));
        assertThatThrownBy(() -> env.bool("CP_B", true)).hasMessage("CP_B must be true or false, got 'maybe'");
        assertThatThrownBy(() -> env.oneOf("CP_C", Mode.MSET, Mode.class))
                .hasMessage("CP_C must be one of mset|set, got 'both'");
        assertThatThrownBy(() -> env.duration("CP_D", Duration.ZERO, Duration.ZERO)).hasMessageStartingWith("CP_D must be a duration");
        assertThatThrownBy(() -> env.uri("CP_U", "ami")).hasMessageStartingWith("CP_U must start with ami://");
        assertThatThrownBy(() -> env.doubleIn("CP_A", 0, 0, 1)).hasMessage("CP_A must be in [0.0, 1.0], got 1.5");
    }

    @Test
    void secretsComeFromTheFirstLineOfAFile(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("secret"), "s3cret\nignored\n");
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        Env env = Env.of(Map.of("CP_S_FILE", f.toString(), "CP_E_FILE", empty.toString(),
                "CP_M_FILE", dir.resolve("missing").toString()));
        assertThat(env.secretFile("CP_S_FILE")).contains("s3cret");
        assertThatThrownBy(() -> env.secretFile("CP_E_FILE")).hasMessageContaining("CP_E_FILE names an empty file");
        assertThatThrownBy(() -> env.secretFile("CP_M_FILE")).hasMessageContaining("CP_M_FILE names a file that cannot be read");
        assertThat(env.secretFile("CP_NONE_FILE")).isEmpty();
    }

    @Test
    void aUriThatDoesNotParseNeverEchoesItsSecret() {
        Env env = Env.of(Map.of("CP_AMI_URI", "ami://user:s3cret pass@pbx:5038", "CP_X", "http://u:pw@h"));
        assertThatThrownBy(() -> env.uri("CP_AMI_URI", "ami")).hasMessageStartingWith("CP_AMI_URI is not a URI")
                .message().doesNotContain("s3cret");
        assertThatThrownBy(() -> env.uri("CP_X", "ami")).message().doesNotContain("pw");
    }

    @Test
    void durationsReadAsOperatorsWriteThem() {
        assertThat(Durations.parse("0")).contains(Duration.ZERO);
        assertThat(Durations.parse(" 10min ")).contains(Duration.ofMinutes(10));
        assertThat(Durations.parse("7d")).contains(Duration.ofDays(7));
        assertThat(Durations.parse("PT2M")).contains(Duration.ofMinutes(2));
        assertThat(Durations.parse("ten minutes")).isEmpty();
        assertThat(Durations.parse("5 parsecs")).isEmpty();
    }

    @Test
    void withOverridesOneVariableAndLeavesTheOriginalAlone() {
        Env env = Env.of(Map.of("CP_AGI_PORT", "1"));
        Env other = env.with("CP_AGI_PORT", "2");
        assertThat(env.port("CP_AGI_PORT", 0)).isEqualTo(1);
        assertThat(other.port("CP_AGI_PORT", 0)).isEqualTo(2);
    }

    @Test
    void theDataDirHasOneDefault() {
        assertThat(Env.empty().dataDir()).isEqualTo(Env.DEFAULT_DATA_DIR).isEqualTo(Path.of("./data"));
        assertThat(Env.of(Map.of("CP_DATA_DIR", " /var/lib/cp ")).dataDir()).isEqualTo(Path.of("/var/lib/cp"));
        assertThat(Env.of(Map.of("CP_DATA_DIR", " ")).dataDir()).isEqualTo(Env.DEFAULT_DATA_DIR);
    }
}
