package com.callportrait.speech.emotion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FusionAndTrendTest {

    private final EmotionScorer scorer = Emotions.scorer(TextEmotionModel.load());

    @Test
    void withoutAudioTheTextDecides() {
        EmotionReading r = scorer.score("thank you so much, that solved it", VoiceFeatures.NONE);
        assertThat(r.label()).isEqualTo(EmotionLabel.SATISFIED);
    }

    @Test
    void aRaisedVoiceTurnsFrustrationIntoAnger() {
        String text = "i am really upset about this bill";
        EmotionReading calm = scorer.score(text, new VoiceFeatures(-0.5, -0.3, 0, 2.0));
        EmotionReading shouting = scorer.score(text, new VoiceFeatures(3.0, 2.0, 1.0, 2.0));
        assertThat(calm.label()).isEqualTo(EmotionLabel.FRUSTRATED);
        assertThat(shouting.label()).isEqualTo(EmotionLabel.ANGRY);
        assertThat(shouting.arousal()).isGreaterThan(calm.arousal());
        assertThat(shouting.valence()).isLessThanOrEqualTo(calm.valence());
    }

    @Test
    void aRaisedVoiceAloneDoesNotMakeNeutralWordsNegative() {
        EmotionReading r = scorer.score("my account number changed last month", new VoiceFeatures(3, 3, 1, 2));
        assertThat(r.label()).isEqualTo(EmotionLabel.NEUTRAL);
        assertThat(r.arousal()).isGreaterThan(scorer.score("my account number changed last month",
                VoiceFeatures.NONE).arousal());
    }

    @Test
    void trendFlagsACallerGettingAngrier() {
        EmotionTrend trend = Emotions.newTrend();
        trend.add(new EmotionReading(EmotionLabel.NEUTRAL, 0.1, 0.2, 0.8));
        trend.add(new EmotionReading(EmotionLabel.NEUTRAL, 0.0, 0.3, 0.7));
        assertThat(trend.snapshot().escalating()).isFalse();
        trend.add(new EmotionReading(EmotionLabel.FRUSTRATED, -0.5, 0.5, 0.7));
        EmotionTrend.Snapshot s = trend.add(new EmotionReading(EmotionLabel.ANGRY, -0.8, 0.8, 0.8));
        assertThat(s.escalating()).isTrue();
        assertThat(s.valence()).isNegative();
        assertThat(s.utterances()).isEqualTo(4);
        assertThat(s.last()).isEqualTo(EmotionLabel.ANGRY);
    }

    @Test
    void trendCalmsDownAgain() {
        EmotionTrend trend = Emotions.newTrend();
        trend.add(new EmotionReading(EmotionLabel.ANGRY, -0.8, 0.8, 0.9));
        trend.add(new EmotionReading(EmotionLabel.ANGRY, -0.7, 0.8, 0.9));
        assertThat(trend.snapshot().escalating()).isTrue();
        for (int i = 0; i < 4; i++) {
            trend.add(new EmotionReading(EmotionLabel.SATISFIED, 0.7, 0.3, 0.9));
        }
        assertThat(trend.snapshot().escalating()).isFalse();
        assertThat(trend.snapshot().valence()).isPositive();
    }
}
