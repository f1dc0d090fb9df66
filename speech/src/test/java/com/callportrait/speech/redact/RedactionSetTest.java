package com.callportrait.speech.redact;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.speech.tools.RedactionBenchmark;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The redaction test set: recall target 99%, no placeholder in any negative control. */
class RedactionSetTest {

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = RedactionSetTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void generatedSetMeetsTheRecallTarget() throws IOException {
        RedactionBenchmark.Result r = RedactionBenchmark.run(lines("/redaction/redaction-set.tsv"), Redactors.standard());
        assertThat(r.secrets()).isGreaterThan(300);
        assertThat(r.negatives()).isGreaterThan(90);
        assertThat(r.recall()).as("misses: %s", r.misses()).isGreaterThanOrEqualTo(0.99);
        assertThat(r.falsePositives()).as("misses: %s", r.misses()).isZero();
    }
}
