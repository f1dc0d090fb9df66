package com.callportrait.speech.emotion.internal;

import com.callportrait.speech.emotion.EmotionLabel;
import com.callportrait.speech.emotion.EmotionReading;
import com.callportrait.speech.emotion.EmotionScorer;
import com.callportrait.speech.emotion.SentimentGroup;
import com.callportrait.speech.emotion.TextClass;
import com.callportrait.speech.emotion.TextEmotion;
import com.callportrait.speech.emotion.TextEmotionModel;
import com.callportrait.speech.emotion.VoiceFeatures;

/**
 * Text model first, voice second. The voice's <em>agitation</em> is
 * {@code 0.6 * loudness + 0.3 * pitch + 0.1 * speakingRate} (z-scores against the caller's own
 * baseline, clamped to ±3). It acts in two documented ways:
 * <ol>
 *   <li>Arousal: {@code 0.6 * textArousal + 0.4 * voiceArousal}, where
 *       {@code voiceArousal = 0.5 + 0.15 * agitation} clamped to [0, 1]. Without audio the text
 *       arousal stands alone.</li>
 *   <li>Negative utterances: the odds of anger over distress are multiplied by
 *       {@code exp(1.2 * agitation)}, so negative words said louder and higher than usual read as
 *       ANGRY, and said quieter than usual as FRUSTRATED. A non-negative text label is never
 *       turned negative by the voice alone: raised voices are common in noisy lines.</li>
 * </ol>
 * Valence comes from the words; when the voice is agitated ({@code agitation > 1}) a negative
 * valence is deepened by up to 0.15.
 *
 * <p>Immutable and thread-safe.
 */
public final class FusedEmotionScorer implements EmotionScorer {

    static final double ANGER_ODDS_WEIGHT = 1.2;

    private final TextEmotionModel model;

    public FusedEmotionScorer(TextEmotionModel model) {
        this.model = model;
    }

    /** Voice agitation of {@code voice}: 0 = as usual for this caller, ±3 at most. */
    public static double agitation(VoiceFeatures voice) {
        double a = 0.6 * voice.loudness() + 0.3 * voice.pitch() + 0.1 * voice.speakingRate();
        return MoodMath.clamp(a, -3, 3);
    }

    @Override
    public EmotionReading score(String text, VoiceFeatures voice) {
        TextEmotion t = model.predict(text);
        EmotionReading r = t.reading();
        if (voice == null || voice.durationSec() <= 0) {
            return r;
        }
        double agitation = agitation(voice);
        double voiceArousal = MoodMath.clamp(0.5 + 0.15 * agitation, 0, 1);
        double arousal = MoodMath.clamp(0.6 * r.arousal() + 0.4 * voiceArousal, 0, 1);
        EmotionLabel label = r.label();
        double confidence = r.confidence();
        double valence = r.valence();
        if (t.group() == SentimentGroup.NEGATIVE) {
            double pAnger = t.probability(TextClass.ANGER);
            double pDistress = t.probability(TextClass.DISTRESS);
            double anger = pAnger * Math.exp(ANGER_ODDS_WEIGHT * agitation);
            double shareAnger = anger / (anger + pDistress);
            double negative = pAnger + pDistress;
            label = shareAnger >= 0.5 ? EmotionLabel.ANGRY : EmotionLabel.FRUSTRATED;
            confidence = negative * Math.max(shareAnger, 1 - shareAnger);
            if (agitation > 1 && valence < 0) {
                valence = Math.max(-1, valence - 0.15 * Math.min(agitation - 1, 1));
            }
        }
        return new EmotionReading(label, valence, arousal, MoodMath.clamp(confidence, 0, 1));
    }
}
