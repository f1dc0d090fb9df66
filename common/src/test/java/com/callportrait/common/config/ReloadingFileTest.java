package com.callportrait.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadingFileTest {
    @TempDir
    Path dir;

    /** A positive number per file: anything else is an invalid edit. */
    private static int parse(Path f) {
        try {
            int n = Integer.parseInt(Files.readString(f).strip());
            if (n <= 0) {
                throw new IllegalArgumentException("not positive in " + f + ": " + n);
            }
            return n;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void write(Path f, String text, int secondsLater) throws Exception {
        Files.writeString(f, text);
        // Distinct modification times even on file systems with coarse timestamps.
        Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(secondsLater)));
    }

    @Test
    void reloadsAValidEditAndKeepsTheLastGoodValueOnABrokenOneOrAMissingFile() throws Exception {
        Path f = dir.resolve("n.txt");
        write(f, "1", 0);
        try (ReloadingFile<Integer> src = ReloadingFile.load("numbers", f, ReloadingFileTest::parse)) {
            assertThat(src.current()).isEqualTo(1);
            assertThat(src.origin()).isEqualTo(f.toString());
            assertThat(src.checkNow()).as("unchanged file").isFalse();

            write(f, "22", 1);
            assertThat(src.checkNow()).isTrue();
            assertThat(src.get()).isEqualTo(22);

            write(f, "-3", 2);
            assertThat(src.checkNow()).isFalse();
            assertThat(src.current()).isEqualTo(22);
            assertThat(src.rejected()).isEqualTo(1);

            Files.delete(f);
            assertThat(src.checkNow()).isFalse();
            assertThat(src.current()).isEqualTo(22);

            write(f, "4", 3);
            assertThat(src.checkNow()).isTrue();
            assertThat(src.current()).isEqualTo(4);
            assertThat(src.reloads()).isEqualTo(2);
        }
    }

    @Test
    void anInvalidFileAtStartUpFails() throws Exception {
        Path f = dir.resolve("n.txt");
        write(f, "0", 0);
        assertThatThrownBy(() -> ReloadingFile.load("numbers", f, ReloadingFileTest::parse))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(f.toString());
    }

    @Test
    void anEditIsPickedUpWithinASecondWhenPolled() throws Exception {
        Path f = dir.resolve("n.txt");
        write(f, "1", 0);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (ReloadingFile<Integer> src = ReloadingFile.load("numbers", f, ReloadingFileTest::parse)
                .pollEvery(Duration.ofMillis(100), scheduler)) {
            write(f, "7", 5);
            long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (src.current() != 7 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(src.current()).isEqualTo(7);
            assertThat(src.reloads()).isEqualTo(1);
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void aFixedValueIsNeverReloaded() {
        ReloadingFile<Integer> src = ReloadingFile.fixed("numbers", 9);
        assertThat(src.current()).isEqualTo(9);
        assertThat(src.origin()).isEqualTo("bundled");
        assertThat(src.checkNow()).isFalse();
        src.pollEvery(Duration.ofMillis(1), Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        }));
        src.close();
    }
}
