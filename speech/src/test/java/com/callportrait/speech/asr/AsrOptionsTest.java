package com.callportrait.speech.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.common.config.ConfigException;
import com.callportrait.speech.audiosocket.AudioSocketOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsrOptionsTest {

    @Test
    void defaultsAndOverrides(@TempDir Path dir) {
        AsrOptions d = AsrOptions.defaults();
        assertThat(d.modelDir()).isEmpty();
        assertThat(d.workers()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(d.endSilenceMs()).isEqualTo(300);
        AsrOptions o = AsrOptions.fromEnv(Map.of("CP_VOSK_MODEL", dir.toString(), "CP_ASR_WORKERS", "3"));
        assertThat(o.modelDir()).contains(dir);
        assertThat(o.workers()).isEqualTo(3);
        assertThat(AudioSocketOptions.fromEnv(Map.of("CP_AUDIOSOCKET_PORT", "9500")).port()).isEqualTo(9500);
        assertThat(AudioSocketOptions.defaults().port()).isEqualTo(9092);
    }

    @Test
    void badValuesFailFastWithTheVariableName(@TempDir Path dir) {
        assertThatThrownBy(() -> AsrOptions.fromEnv(Map.of("CP_ASR_WORKERS", "many")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_ASR_WORKERS");
        assertThatThrownBy(() -> AsrOptions.fromEnv(Map.of("CP_ASR_WORKERS", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_ASR_WORKERS");
        assertThatThrownBy(() -> AsrOptions.fromEnv(Map.of("CP_VOSK_MODEL", dir.resolve("nope").toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_VOSK_MODEL");
        assertThatThrownBy(() -> AudioSocketOptions.fromEnv(Map.of("CP_AUDIOSOCKET_PORT", "70000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_AUDIOSOCKET_PORT");
    }

    @Test
    void readsTheModelRateFromItsConfig(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/mfcc.conf"), "--use-energy=false\n--sample-frequency=8000\n");
        assertThat(SpeechModel.readSampleRate(dir)).isEqualTo(8000);
        assertThat(SpeechModel.readSampleRate(dir.resolve("missing"))).isEqualTo(16000);
    }
}
