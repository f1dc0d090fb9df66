package com.callportrait.speech.emotion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the call's escalation combines word evidence with the emotional trend. */
class EscalationTrendTest {

    private static EmotionReading reading(EmotionLabel label, double confidence, double escalation) {
        double valence = label == EmotionLabel.ANGRY ? -0.8 : label == EmotionLabel.SATISFIED ? 0.7 : 0;
        return new EmotionReading(label, valence, 0.5, confidence, escalation);
    }

    @Test
    void aRequestToEscalateStaysSaid() {
        EmotionTrend trend = Emotions.newTrend();
        trend.add(reading(EmotionLabel.FRUSTRATED, 0.8, 0.95));
        EmotionTrend.Snapshot s = trend.add(reading(EmotionLabel.NEUTRAL, 0.9, 0.01));
        assertThat(s.escalation()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void oneStrayReadingGivesItsOwnValueNotCertainty() {
        EmotionTrend trend = Emotions.newTrend();
        trend.add(reading(EmotionLabel.NEUTRAL, 0.4, 0.6));
        for (int i = 0; i < 5; i++) {
            trend.add(reading(EmotionLabel.NEUTRAL, 0.9, 0.0));
        }
        assertThat(trend.snapshot().escalation()).isBetween(0.6, 0.65);
    }

    @Test
    void sayingItTwiceMakesItSurer() {
        EmotionTrend trend = Emotions.newTrend();
        trend.add(reading(EmotionLabel.FRUSTRATED, 0.7, 0.6));
        EmotionTrend.Snapshot s = trend.add(reading(EmotionLabel.FRUSTRATED, 0.7, 0.6));
        assertThat(s.escalation()).isGreaterThan(0.7);
    }

    @Test
    void repeatedAngerRaisesItButNeverAloneToALiveRuleThreshold() {
        EmotionTrend trend = Emotions.newTrend();
        double last = trend.add(reading(EmotionLabel.ANGRY, 0.9, 0.0)).escalation();
        assertThat(last).isGreaterThan(0).isLessThan(0.25);
        for (int i = 0; i < 2; i++) {
            double next = trend.add(reading(EmotionLabel.ANGRY, 0.9, 0.0)).escalation();
            assertThat(next).isGreaterThan(last);
            last = next;
        }
        assertThat(last).isGreaterThan(0.3);
        for (int i = 0; i < 20; i++) {
            last = trend.add(reading(EmotionLabel.ANGRY, 1.0, 0.0)).escalation();
        }
        assertThat(last).isLessThan(0.7);
    }

    @Test
    void angerAndSomeWordEvidenceTogetherCrossIt() {
        EmotionTrend calm = Emotions.newTrend();
        calm.add(reading(EmotionLabel.NEUTRAL, 0.9, 0.0));
        calm.add(reading(EmotionLabel.NEUTRAL, 0.9, 0.0));
        double calmThenHint = calm.add(reading(EmotionLabel.NEUTRAL, 0.9, 0.6)).escalation();
        EmotionTrend angry = Emotions.newTrend();
        angry.add(reading(EmotionLabel.ANGRY, 0.9, 0.0));
        angry.add(reading(EmotionLabel.ANGRY, 0.9, 0.0));
        double angryThenHint = angry.add(reading(EmotionLabel.ANGRY, 0.9, 0.6)).escalation();
        assertThat(calmThenHint).isLessThan(0.7);
        assertThat(angryThenHint).isGreaterThan(0.7);
    }

    @Test
    void angerFadesWhenTheCallerCalmsDown() {
        EmotionTrend trend = Emotions.newTrend();
        double peak = 0;
        for (int i = 0; i < 3; i++) {
            peak = trend.add(reading(EmotionLabel.ANGRY, 0.9, 0.0)).escalation();
        }
        double after = peak;
        for (int i = 0; i < 4; i++) {
            after = trend.add(reading(EmotionLabel.SATISFIED, 0.9, 0.0)).escalation();
        }
        assertThat(after).isLessThan(peak / 2);
    }

    @Test
    void oneOrTwoWordsNeverReachALiveRuleAlone() {
        EmotionScorer scorer = Emotions.scorer();
        assertThat(scorer.score("manager", VoiceFeatures.NONE).escalation()).isLessThanOrEqualTo(0.6);
        assertThat(scorer.score("supervisor please", VoiceFeatures.NONE).escalation()).isLessThanOrEqualTo(0.6);
    }
}
