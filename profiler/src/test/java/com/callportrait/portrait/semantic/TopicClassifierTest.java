package com.callportrait.portrait.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicClassifierTest {
    private final TopicClassifier topics = TopicClassifier.load(null);

    /** Hand-written, not from the generator's templates: the honest accuracy check. */
    @Test
    void classifiesHandWrittenCallsByTheirReason() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/portrait/labelled-topics.tsv"));
        int right = 0;
        int n = 0;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.split("\t");
            n++;
            if (topics.classify(p[1]).equals(p[0])) {
                right++;
            }
        }
        assertThat(n).isGreaterThanOrEqualTo(30);
        assertThat((double) right / n).as("accuracy on %d hand-written calls", n).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void firstSentenceDecidesAndUnmatchedIsOther() {
        assertThat(topics.classify("caller: the power has been out all day agent: sorry caller: and my bill is high"))
                .isEqualTo("outage");
        assertThat(topics.classify("caller: hello good morning")).isEqualTo("other");
        assertThat(topics.classify(null)).isEqualTo("other");
    }

    @Test
    void aGasSmellIsAnEmergencyWhateverElseIsSaid() {
        assertThat(topics.topics()).startsWith("gas_emergency");
        assertThat(topics.classify("caller: i want to report a gas smell in my kitchen")).isEqualTo("gas_emergency");
        assertThat(topics.classify("caller: my bill is wrong and the charges are high and i can smell gas"))
                .isEqualTo("gas_emergency");
        // "gas" alone is not an emergency: the gas bill is billing
        assertThat(topics.classify("caller: my gas bill is wrong again")).isEqualTo("billing");
    }

    @Test
    void matchesListEveryKeywordWithItsTopicAndWeightInTextOrder() {
        assertThat(topics.matches("My BILL is wrong, I can smell gas and my bill went up"))
                .containsExactly(new TopicClassifier.Match("billing", "bill", 2.0),
                        new TopicClassifier.Match("gas_emergency", "smell gas", 10.0),
                        new TopicClassifier.Match("billing", "bill", 2.0));
        assertThat(topics.matches("hello good morning")).isEmpty();
        assertThat(topics.matches(null)).isEmpty();
    }

    @Test
    void analystCanAddATopicByEditingTheFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("topics.yaml");
        Files.writeString(f, "default: other\ntopics:\n  fraud:\n    fraud: 3\n    \"stolen card\": 4\n  billing:\n    bill: 2\n");
        TopicClassifier custom = TopicClassifier.load(f);
        assertThat(custom.topics()).containsExactly("fraud", "billing", "other");
        assertThat(custom.classify("someone used my stolen card on my bill")).isEqualTo("fraud");
    }

    @Test
    void lexiconReadsOnlyTheCaller() {
        EmotionLexicon lex = EmotionLexicon.load(null);
        assertThat(lex.classify("caller: this is absolutely outrageous agent: thanks")).isEqualTo("angry");
        assertThat(lex.classify("caller: i am really frustrated agent: thank you so much for waiting")).isEqualTo("negative");
        assertThat(lex.classify("caller: perfect thanks agent: great")).isEqualTo("positive");
        assertThat(lex.classify("caller: i want a meter reading agent: thanks for calling")).isEqualTo("neutral");
    }
}
