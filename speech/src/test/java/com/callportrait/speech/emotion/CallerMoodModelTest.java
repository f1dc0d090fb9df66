package com.callportrait.speech.emotion;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.speech.emotion.train.CallerMoodTrainer;
import com.callportrait.speech.emotion.train.Sha256;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loads the committed call-centre model and checks where it came from and what it says. */
class CallerMoodModelTest {

    private static final Path DATA = Path.of("src/train/callcentre");
    private static final String FURIOUS = "i have been waiting for an hour and my gas bill is wrong again this is"
            + " unacceptable i am furious i want to speak to a manager right now";

    private static CallerMoodModel model;
    private static EmotionScorer scorer;

    @BeforeAll
    static void load() {
        model = CallerMoodModel.load();
        scorer = Emotions.scorer();
    }

    @Test
    void bundledModelMatchesTheTrainingDataItRecords() throws Exception {
        for (String input : CallerMoodTrainer.INPUTS) {
            String sha = Sha256.of(DATA.resolve(input));
            assertThat(model.calibration().dataSha256()).containsEntry(input, sha);
            if (!input.equals("tuning.tsv")) {
                assertThat(model.moodProvenance().getDatasetProvenance().toString()).contains(sha);
                assertThat(model.escalationProvenance().getDatasetProvenance().toString()).contains(sha);
            }
        }
        assertThat(model.calibration().dataSha256()).doesNotContainKey("dev.tsv");
        assertThat(model.moodProvenance().getDatasetProvenance().toString()).doesNotContain("dev.tsv");
        assertThat(model.calibration().config()).contains("seed=20261202").contains("LinearSGDTrainer");
        assertThat(model.moodProvenance().getInstanceProvenance().getMap().get("config").toString())
                .contains(model.calibration().config());
        assertThat(model.moodProvenance().getTrainerProvenance().toString()).contains("LogMulticlass");
        assertThat(model.moodProvenance().getInstanceProvenance().getMap().get("model-version").toString())
                .contains(model.calibration().version());
        assertThat(model.calibration().notes()).contains("templates a probe model was not fitted on");
    }

    @Test
    void furiousCallerAskingForAManagerIsAngryAndEscalating() {
        EmotionReading r = scorer.score(FURIOUS, VoiceFeatures.NONE);
        assertThat(r.label()).isEqualTo(EmotionLabel.ANGRY);
        assertThat(r.confidence()).isGreaterThan(0.8);
        assertThat(r.escalation()).isGreaterThan(0.9);
        assertThat(r.valence()).isLessThan(-0.5);
    }

    @Test
    void aRequestForAManagerIsAnEscalation() {
        assertThat(scorer.score("i want to speak to a manager", VoiceFeatures.NONE).escalation()).isGreaterThan(0.9);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
        "i'm not angry i just want it fixed | FRUSTRATED",
        "oh great another hour on hold | FRUSTRATED",
        "could you please help me update my address | NEUTRAL",
        "i want to report a gas smell | NEUTRAL",
        "my power is out on elm street | NEUTRAL",
        "i'd like to check the balance on my account please | NEUTRAL",
        "thank you so much you've been really helpful | SATISFIED",
        "that's brilliant thanks for sorting it out | SATISFIED",
        "this is absolutely ridiculous you people are useless | ANGRY",
        "i've called three times about this and nobody has fixed it | FRUSTRATED"})
    void hardCasesReadRight(String text, EmotionLabel expected) {
        EmotionReading r = scorer.score(text, VoiceFeatures.NONE);
        assertThat(r.label()).isEqualTo(expected);
        assertThat(r.escalation()).isLessThan(0.5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "i want the man a jar", "can i speak to your supervise her", "cancel my count i'm done with you",
        "i'm taking this to the ombudsman", "i'll be speaking to my lawyer", "i'm going to post this on twitter",
        "i want to make a formal complaint", "i'm switching to another provider", "get me a manger now"})
    void escalationsSurviveRecognitionErrors(String text) {
        assertThat(scorer.score(text, VoiceFeatures.NONE).escalation()).isGreaterThanOrEqualTo(0.5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "i don't want to cancel i just want it fixed", "no need for a manager you can help me",
        "i need to cancel my card it was stolen", "i'd like to cancel my order please",
        "my manager asked me to call about my laptop", "can you put me through to billing",
        "can i lower my monthly payments"})
    void negatedAndRoutineMentionsAreNoEscalation(String text) {
        assertThat(scorer.score(text, VoiceFeatures.NONE).escalation()).isLessThan(0.5);
    }

    @Test
    void probabilitiesAreADistribution() {
        CallerMood m = model.predict("why was i charged twice this month");
        double sum = 0;
        for (double p : m.moodProbabilities()) {
            assertThat(p).isBetween(0.0, 1.0);
            sum += p;
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(m.reading().confidence()).isEqualTo(m.probability(m.reading().label()));
    }

    @Test
    void concurrentPredictionsEqualSequentialOnes() throws Exception {
        String[] texts = {FURIOUS, "thank you so much", "i want to report a gas smell", "cancel my count",
            "oh great another hour on hold"};
        double[][] expected = new double[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            expected[i] = model.predict(texts[i]).moodProbabilities();
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    for (int rep = 0; rep < 200; rep++) {
                        int i = rep % texts.length;
                        if (!java.util.Arrays.equals(expected[i], model.predict(texts[i]).moodProbabilities())) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
