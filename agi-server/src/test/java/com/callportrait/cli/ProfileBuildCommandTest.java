package com.callportrait.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.common.config.Env;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileBuildCommandTest {
    @Test
    void buildsEveryPortraitWithPlainProgressLinesWhenStderrIsNotATerminal(@TempDir Path dir) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path spill = dir.resolve("spill");
        int status = Main.run(Env.of(Map.of("CP_DATA_DIR", dir.toString())), new PrintWriter(out, true),
                new PrintWriter(err, true), "profile", "build", "--generate", "600", "--interactions", "6000",
                "--no-save", "--models", dir.resolve("models").toString(), "--spill-dir", spill.toString(),
                "--spill-partitions", "8");
        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString()).contains("portraits built: 600  saved: 600  save failures: 0  models trained");
        assertThat(err.toString()).contains("read: started", "train: done in", "portraits: started (600 to do)",
                "portraits: done 600 in").doesNotContain("\r");
        try (Stream<Path> left = Files.list(spill)) {
            assertThat(left).as("spill files are removed").isEmpty();
        }
    }
}
