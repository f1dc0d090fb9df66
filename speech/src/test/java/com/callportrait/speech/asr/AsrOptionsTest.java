package com.callportrait.speech.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
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
        AsrOptions o = AsrOptions.from(Env.of(Map.of("CP_VOSK_MODEL", dir.toString(), "CP_ASR_WORKERS", "3")));
        assertThat(o.modelDir()).contains(dir);
        assertThat(o.workers()).isEqualTo(3);
    }

    @Test
    void theBuildersDefaultsAreTheConstantsAndWhatAnEmptyEnvironmentGives() {
        AsrOptions d = AsrOptions.builder().build();
        assertThat(d).isEqualTo(AsrOptions.from(Env.empty())).isEqualTo(AsrOptions.defaults());
        assertThat(d.modelDir()).isEmpty();
        assertThat(d.dataDir()).isEqualTo(Env.DEFAULT_DATA_DIR);
        assertThat(d.workers()).isEqualTo(AsrOptions.defaultWorkers());
        assertThat(d.queueFrames()).isEqualTo(AsrOptions.DEFAULT_QUEUE_FRAMES).isEqualTo(250);
        assertThat(d.endSilenceMs()).isEqualTo(AsrOptions.DEFAULT_END_SILENCE_MS);
        assertThat(d.preRollMs()).isEqualTo(AsrOptions.DEFAULT_PREROLL_MS);
        assertThat(d.partialEveryMs()).isEqualTo(AsrOptions.DEFAULT_PARTIAL_EVERY_MS);
        assertThat(d.maxUtteranceMs()).isEqualTo(AsrOptions.DEFAULT_MAX_UTTERANCE_MS);
        assertThat(d.minSpeechDbfs()).isEqualTo(AsrOptions.DEFAULT_MIN_SPEECH_DBFS);
        assertThat(d.maxActive()).isEqualTo(AsrOptions.DEFAULT_MAX_ACTIVE);
        assertThat(d.beam()).isEqualTo(AsrOptions.DEFAULT_BEAM);
        assertThat(d.resampling()).isEqualTo(AsrOptions.DEFAULT_RESAMPLING);
        assertThat(d.partialSkipLagMs()).isEqualTo(AsrOptions.DEFAULT_PARTIAL_SKIP_LAG_MS);
        assertThat(d.endDropDb()).isEqualTo(AsrOptions.DEFAULT_END_DROP_DB).isEqualTo(30);
        assertThat(d.vadHighPassHz()).isEqualTo(AsrOptions.DEFAULT_VAD_HIGHPASS_HZ).isEqualTo(150);
    }

    @Test
    void theVadSettingsAreReadCheckedAndHandedToTheDetector() {
        AsrOptions o = AsrOptions.from(Env.of(Map.of("CP_ASR_END_DROP_DB", "25", "CP_ASR_VAD_HIGHPASS_HZ", "0",
                "CP_ASR_END_SILENCE_MS", "250", "CP_ASR_MIN_SPEECH_DBFS", "-45")));
        assertThat(o.vadSettings()).isEqualTo(new com.callportrait.speech.audio.VoiceActivityDetector.Settings(
                -45, 9, 2, 250, 25, 0));
        assertThat(AsrOptions.from(Env.of(Map.of("CP_ASR_END_DROP_DB", "0"))).vadSettings().endDropDb()).isZero();
        for (String[] bad : new String[][] {{"CP_ASR_END_DROP_DB", "5"}, {"CP_ASR_END_DROP_DB", "61"},
                {"CP_ASR_END_DROP_DB", "-1"}, {"CP_ASR_END_DROP_DB", "loud"}, {"CP_ASR_VAD_HIGHPASS_HZ", "10"},
                {"CP_ASR_VAD_HIGHPASS_HZ", "2000"}, {"CP_ASR_VAD_HIGHPASS_HZ", "low"}}) {
            assertThatThrownBy(() -> AsrOptions.from(Env.of(Map.of(bad[0], bad[1]))))
                    .isInstanceOf(ConfigException.class).hasMessageContaining(bad[0]);
        }
        assertThatThrownBy(() -> AsrOptions.builder().endDropDb(70).build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_ASR_END_DROP_DB");
    }

    @Test
    void thePartialSkipLagIsReadAndChecked() {
        assertThat(AsrOptions.from(Env.of(Map.of("CP_ASR_PARTIAL_SKIP_LAG_MS", "500"))).partialSkipLagMs())
                .isEqualTo(500);
        assertThat(AsrOptions.defaults().withPartialSkipLagMs(300).partialSkipLagMs()).isEqualTo(300);
        for (String bad : new String[] {"soon", "10", "-1"}) {
            assertThatThrownBy(() -> AsrOptions.from(Env.of(Map.of("CP_ASR_PARTIAL_SKIP_LAG_MS", bad))))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("CP_ASR_PARTIAL_SKIP_LAG_MS");
        }
        assertThatThrownBy(() -> AsrOptions.builder().partialSkipLagMs(5).build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_ASR_PARTIAL_SKIP_LAG_MS");
    }

    @Test
    void theModelIsExtractedUnderTheOneDataDir() {
        assertThat(AsrOptions.from(Env.of(Map.of("CP_DATA_DIR", "/var/lib/cp"))).dataDir()).isEqualTo(Path.of("/var/lib/cp"));
        assertThat(AsrOptions.from(Env.empty()).dataDir()).isEqualTo(Path.of("./data"));
    }

    @Test
    void badValuesFailFastWithTheVariableName(@TempDir Path dir) {
        assertThatThrownBy(() -> AsrOptions.from(Env.of(Map.of("CP_ASR_WORKERS", "many"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_ASR_WORKERS");
        assertThatThrownBy(() -> AsrOptions.from(Env.of(Map.of("CP_ASR_WORKERS", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_ASR_WORKERS");
        assertThatThrownBy(() -> AsrOptions.from(Env.of(Map.of("CP_VOSK_MODEL", dir.resolve("nope").toString()))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_VOSK_MODEL");
        for (String name : new String[] {"CP_ASR_QUEUE_FRAMES", "CP_ASR_END_SILENCE_MS", "CP_ASR_PREROLL_MS",
                "CP_ASR_PARTIAL_MS", "CP_ASR_MAX_UTTERANCE_MS", "CP_ASR_MIN_SPEECH_DBFS", "CP_ASR_MAX_ACTIVE",
                "CP_ASR_BEAM", "CP_ASR_RESAMPLING"}) {
            assertThatThrownBy(() -> AsrOptions.from(Env.of(Map.of(name, "lots"))))
                    .isInstanceOf(ConfigException.class).hasMessageStartingWith(name + " ")
                    .satisfies(e -> assertThat(((ConfigException) e).variable()).contains(name));
        }
        assertThatThrownBy(() -> AsrOptions.from(Env.of(Map.of("CP_ASR_MAX_ACTIVE", "50"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_ASR_MAX_ACTIVE");
        assertThatThrownBy(() -> AsrOptions.builder().beam(2).build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("CP_ASR_BEAM");
    }

    @Test
    void readsTheModelRateFromItsConfig(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/mfcc.conf"), "--use-energy=false\n--sample-frequency=8000\n");
        assertThat(SpeechModel.readSampleRate(dir)).isEqualTo(8000);
        assertThat(SpeechModel.readSampleRate(dir.resolve("missing"))).isEqualTo(16000);
    }
}
