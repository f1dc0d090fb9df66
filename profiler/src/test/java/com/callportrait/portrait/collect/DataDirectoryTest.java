package com.callportrait.portrait.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
    @Test
    void readsThePresentFilesCrmFirstThenTheRicherCallRecords(@TempDir Path dir) throws Exception {
        for (String f : new String[] {"Master.csv", "queue_log", "interactions.jsonl", "customers.csv", "notes.txt"}) {
            Files.writeString(dir.resolve(f), "");
        }
        assertThat(DataDirectory.sources(dir, ZoneOffset.UTC)).extracting(s -> s.getClass().getSimpleName())
                .containsExactly("CrmFileSource", "CrmFileSource", "QueueLogSource", "CdrCsvSource");
        assertThat(DataDirectory.sources(dir.resolve("missing"), ZoneOffset.UTC)).isEmpty();
    }
}
