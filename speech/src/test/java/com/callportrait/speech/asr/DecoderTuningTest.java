package com.callportrait.speech.asr;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.common.config.Env;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecoderTuningTest {

    @Test
    void patchesOnlyTheConfigAndLinksTheRest(@TempDir Path tmp) throws Exception {
        Path model = tmp.resolve("model-x");
        Files.createDirectories(model.resolve("conf"));
        Files.createDirectories(model.resolve("am"));
        Files.writeString(model.resolve("am/final.mdl"), "weights");
        Files.writeString(model.resolve("conf/model.conf"), "--min-active=200\n--max-active=3000\n--beam=10.0\n");
        Files.writeString(model.resolve("conf/mfcc.conf"), "--sample-frequency=16000\n");
        AsrOptions options = AsrOptions.from(Env.of(Map.of("CP_DATA_DIR", tmp.resolve("data").toString(),
                "CP_ASR_MAX_ACTIVE", "1000", "CP_ASR_BEAM", "8")));

        Path tuned = DecoderTuning.apply(model, options);

        assertThat(tuned).isNotEqualTo(model);
        assertThat(Files.readString(tuned.resolve("conf/model.conf")))
                .isEqualTo("--min-active=200\n--max-active=1000\n--beam=8.00\n");
        assertThat(Files.readString(tuned.resolve("am/final.mdl"))).isEqualTo("weights");
        assertThat(Files.isSymbolicLink(tuned.resolve("am"))).isTrue();
        assertThat(Files.readString(model.resolve("conf/model.conf"))).contains("--max-active=3000");
        assertThat(DecoderTuning.apply(model, AsrOptions.defaults())).isEqualTo(model);
    }
}
