package com.callportrait.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.common.config.ReloadingFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routing rules as the application holds them: loaded through {@link RulesLoader#source}, reloaded on an edit. */
class RoutingRulesReloadTest {
    @TempDir
    Path dir;

    private static void write(Path f, String yaml, int secondsLater) throws Exception {
        Files.writeString(f, yaml);
        // Distinct modification times even on file systems with coarse timestamps.
        Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(secondsLater)));
    }

    @Test
    void reloadsAValidEditAndKeepsTheLastGoodRulesOnABrokenOne() throws Exception {
        Path f = dir.resolve("rules.yaml");
        write(f, "defaults: {queue: first}\n", 0);
        try (ReloadingFile<RoutingRules> src = RulesLoader.source(Optional.of(f))) {
            assertThat(src.current().decide(Optional.empty()).queue()).isEqualTo("first");
            assertThat(src.checkNow()).as("unchanged file").isFalse();

            write(f, "defaults: {queue: second, priority: 3}\n", 1);
            assertThat(src.checkNow()).isTrue();
            assertThat(src.current().decide(Optional.empty()).queue()).isEqualTo("second");

            write(f, "defaults: {queue: 'not valid'}\n", 2);
            assertThat(src.checkNow()).isFalse();
            assertThat(src.current().decide(Optional.empty()).queue()).isEqualTo("second");
            assertThat(src.rejected()).isEqualTo(1);

            Files.delete(f);
            assertThat(src.checkNow()).isFalse();
            assertThat(src.current().decide(Optional.empty()).priority()).isEqualTo(3);

            write(f, "defaults: {queue: third}\n", 3);
            assertThat(src.checkNow()).isTrue();
            assertThat(src.current().decide(Optional.empty()).queue()).isEqualTo("third");
            assertThat(src.reloads()).isEqualTo(2);
        }
    }

    @Test
    void anInvalidFileAtStartUpFails() throws Exception {
        Path f = dir.resolve("rules.yaml");
        write(f, "defaults: {queue: ''}\n", 0);
        assertThatThrownBy(() -> RulesLoader.source(Optional.of(f))).isInstanceOf(RulesException.class)
                .hasMessageContaining(f.toString());
    }
}
