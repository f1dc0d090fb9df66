package com.callportrait.speech.emotion.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.speech.emotion.EmotionLabel;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallCentreGrammarTest {

    private static final Path DIR = Path.of("src/train/callcentre");

    private static CallCentreGrammar grammar() throws Exception {
        return CallCentreGrammar.load(DIR.resolve("grammar.txt"), DIR.resolve("asr-confusions.txt"));
    }

    @Test
    void generationIsReproducibleForASeed() throws Exception {
        CallCentreGrammar g = grammar();
        assertThat(g.generate(new Random(7), 300, 0.2, 0.1, 0.25))
                .isEqualTo(g.generate(new Random(7), 300, 0.2, 0.1, 0.25))
                .isNotEqualTo(g.generate(new Random(8), 300, 0.2, 0.1, 0.25));
    }

    @Test
    void generatedUtterancesLookRecognisedAndCoverEveryMoodDomainAndEscalation() throws Exception {
        List<CallCentreData.Row> rows = grammar().generate(new Random(1), 4000, 0.22, 0.08, 0.25);
        Map<EmotionLabel, Integer> moods = new EnumMap<>(EmotionLabel.class);
        Set<String> domains = new HashSet<>();
        int escalations = 0;
        for (CallCentreData.Row r : rows) {
            assertThat(r.text()).matches("[a-z0-9' ]+").doesNotContain("{").doesNotContain("(");
            moods.merge(r.label(), 1, Integer::sum);
            domains.add(r.domain());
            escalations += r.escalation() ? 1 : 0;
        }
        assertThat(moods).hasSize(4).allSatisfy((l, n) -> assertThat(n).isGreaterThan(600));
        assertThat(domains).containsExactlyInAnyOrderElementsOf(CallCentreData.DOMAINS);
        assertThat(escalations).isBetween(700, 1100);
    }

    @Test
    void devSentencesAreNeitherHandWrittenTrainingNorGenerated() throws Exception {
        List<CallCentreData.Row> dev = CallCentreData.read(DIR.resolve("dev.tsv"));
        Set<String> seen = new HashSet<>();
        CallCentreData.read(DIR.resolve("train.tsv")).forEach(r -> seen.add(r.text()));
        CallCentreData.read(DIR.resolve("tuning.tsv")).forEach(r -> seen.add(r.text()));
        grammar().generate(new Random(20261202), 30000, 0.22, 0.10, 0.25).forEach(r -> seen.add(r.text()));
        assertThat(dev).hasSizeGreaterThan(100);
        for (CallCentreData.Row r : dev) {
            assertThat(seen).doesNotContain(r.text());
        }
    }
}
