package com.callportrait.speech.redact;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.speech.redact.eval.RedactionScore;
import com.callportrait.speech.redact.eval.SeedMarketPiiSet;
import com.callportrait.speech.redact.eval.SpokenPiiSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
        RedactionScore.Result r = RedactionScore.run(lines("/redaction/redaction-set.tsv"), Redactors.standard());
        assertThat(r.secrets()).isGreaterThan(300);
        assertThat(r.negatives()).isGreaterThan(90);
        assertThat(r.recall()).as("misses: %s", r.misses()).isGreaterThanOrEqualTo(0.99);
        assertThat(r.falsePositives()).as("misses: %s", r.misses()).isZero();
    }

    @Test
    void handWrittenSetIsFullyRedacted() throws IOException {
        RedactionScore.Result r = RedactionScore.run(lines("/redaction/redaction-heldout.tsv"), Redactors.standard());
        assertThat(r.secrets()).isEqualTo(75);
        assertThat(r.negatives()).isEqualTo(35);
        assertThat(r.caught()).as("misses: %s", r.misses()).isEqualTo(75);
        assertThat(r.falsePositives()).as("misses: %s", r.misses()).isZero();
    }

    @Test
    void seededSpokenSetMeetsTheRecallTargetInEveryCategory() {
        List<String> rows = SpokenPiiSet.generate(1200, 20261122L);
        assertThat(rows).hasSize(1200).isEqualTo(SpokenPiiSet.generate(1200, 20261122L));
        RedactionScore.Result r = RedactionScore.run(rows, Redactors.standard());
        assertThat(r.secrets()).isEqualTo(1200);
        assertThat(r.byType().keySet()).containsExactlyInAnyOrder("CARD", "PHONE", "NATIONAL_ID", "NUMBER", "EMAIL");
        r.byType().forEach((type, v) -> assertThat(v[1] / (double) v[0])
                .as("%s recall; misses: %s", type, r.misses()).isGreaterThanOrEqualTo(0.99));
    }

    @Test
    void seededSeedMarketSetMeetsTheRecallTargetInEveryCategory() {
        List<String> rows = SeedMarketPiiSet.generate(1500, 20261202L);
        assertThat(rows).hasSize(1500).isEqualTo(SeedMarketPiiSet.generate(1500, 20261202L));
        RedactionScore.Result r = RedactionScore.run(rows, Redactors.standard());
        assertThat(r.secrets()).isEqualTo(1500);
        assertThat(r.byType().keySet()).containsExactlyInAnyOrder("PHONE:cn-mobile", "NATIONAL_ID:cn-resident-id",
                "CARD:bank-card", "ADDRESS:address-en", "ADDRESS:address-zh");
        r.byType().forEach((type, v) -> assertThat(v[1] / (double) v[0])
                .as("%s recall; misses: %s", type, r.misses()).isGreaterThanOrEqualTo(0.99));
    }

    @Test
    void ordinarySentencesAreLeftAlone() throws IOException {
        // The GoEmotions dev split (Reddit comments, Apache 2.0; src/train/NOTICE.md), one negative each.
        RedactionScore.Result r = RedactionScore.run(
                RedactionScore.negativeRows(Path.of("src/train/goemotions/dev.tsv.gz")), Redactors.standard());
        assertThat(r.negatives()).isEqualTo(5426);
        assertThat(r.falsePositives()).as("false positives: %s", r.misses()).isLessThanOrEqualTo(5);
    }
}
