package com.callportrait.speech.emotion;

import static org.assertj.core.api.Assertions.assertThat;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.provenance.ModelProvenance;

/** Loads the committed model and checks where it came from and what it says. */
class TextEmotionModelTest {

    private static TextEmotionModel model;

    @BeforeAll
    static void load() {
        model = TextEmotionModel.load();
    }

    @Test
    void provenanceNamesTrainerDataAndSeed() {
        ModelProvenance p = model.provenance();
        assertThat(p.getTrainerProvenance().getClassName())
                .isEqualTo("org.tribuo.classification.sgd.linear.LinearSGDTrainer");
        assertThat(p.getTrainerProvenance().toString()).contains("LogMulticlass").contains("AdaGrad");
        assertThat(p.getDatasetProvenance().toString())
                .contains("GoEmotions train split").contains("Apache-2.0").contains("sha256=");
        assertThat(p.getDatasetProvenance().toString()).doesNotContain("dev.tsv");
        Provenance seed = p.getInstanceProvenance().getMap().get("seed");
        assertThat(seed.toString()).contains("42");
        assertThat(p.getInstanceProvenance().getMap().get("model-version").toString())
                .contains(model.calibration().version());
        assertThat(model.calibration().version()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(model.calibration().trainedAt()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(model.calibration().notes()).contains("held-out TRAIN rows");
    }

    @Test
    void managerDemandIsAngryAndNegative() {
        TextEmotion t = model.predict("this is unacceptable, I want to speak to a manager");
        assertThat(t.group()).isEqualTo(SentimentGroup.NEGATIVE);
        assertThat(t.reading().label()).isEqualTo(EmotionLabel.ANGRY);
        assertThat(t.reading().valence()).isNegative();
    }

    @Test
    void thanksIsSatisfiedAndPositive() {
        TextEmotion t = model.predict("thank you so much, that solved it");
        assertThat(t.group()).isEqualTo(SentimentGroup.POSITIVE);
        assertThat(t.reading().label()).isEqualTo(EmotionLabel.SATISFIED);
        assertThat(t.reading().valence()).isGreaterThan(0.3);
        assertThat(t.reading().confidence()).isGreaterThan(0.5);
    }

    @Test
    void factualStatementIsNeutral() {
        TextEmotion t = model.predict("my account number changed last month");
        assertThat(t.group()).isEqualTo(SentimentGroup.NEUTRAL);
        assertThat(t.reading().label()).isEqualTo(EmotionLabel.NEUTRAL);
    }

    @Test
    void disappointmentIsFrustrated() {
        TextEmotion t = model.predict("i'm so disappointed, i was really hoping this would be fixed by now");
        assertThat(t.group()).isEqualTo(SentimentGroup.NEGATIVE);
        assertThat(t.reading().label()).isEqualTo(EmotionLabel.FRUSTRATED);
    }

    @Test
    void negationTurnsPraiseNegative() {
        double happy = model.predict("i am happy with the service").reading().valence();
        double notHappy = model.predict("i am not happy with the service").reading().valence();
        assertThat(happy).isPositive();
        assertThat(notHappy).isLessThan(happy - 0.3);
    }

    @Test
    void recognisedTextWithoutPunctuationWorks() {
        assertThat(model.predict("thank you so much that solved it").group()).isEqualTo(SentimentGroup.POSITIVE);
        assertThat(model.predict("this is ridiculous i have called five times").group())
                .isEqualTo(SentimentGroup.NEGATIVE);
    }

    @Test
    void probabilitiesAreDistributions() {
        TextEmotion t = model.predict("what do you mean by that");
        double sum = 0;
        for (double p : t.groupProbabilities()) {
            sum += p;
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(model.predict("").reading().label()).isEqualTo(EmotionLabel.NEUTRAL);
    }
}
