package com.callportrait.speech.emotion.internal;

import com.callportrait.speech.emotion.CallerMood;
import com.callportrait.speech.emotion.CallerMoodModel;
import com.callportrait.speech.emotion.EmotionLabel;
import com.callportrait.speech.emotion.EmotionReading;
import com.callportrait.speech.emotion.EmotionScorer;
import com.callportrait.speech.emotion.VoiceFeatures;

/**
 * Words first, voice second. The call-centre text model ({@link CallerMoodModel}) gives the mood,
 * its calibrated confidence, valence, arousal and the escalation probability. The voice's
 * <em>agitation</em> is {@code 0.6 * loudness + 0.3 * pitch + 0.1 * speakingRate} (z-scores against
 * the caller's own baseline, clamped to ±3). It acts in two documented ways:
 * <ol>
 *   <li>Arousal: {@code 0.6 * textArousal + 0.4 * voiceArousal}, where
 *       {@code voiceArousal = 0.5 + 0.15 * agitation} clamped to [0, 1]. Without audio the text
 *       arousal stands alone.</li>
 *   <li>Negative utterances (ANGRY or FRUSTRATED from the words): the odds of angry over frustrated
 *       are multiplied by {@code exp(1.5 * agitation)} (up to 90 times at the clamp), so negative
 *       words said louder and higher than usual read as ANGRY, and said quieter than usual as
 *       FRUSTRATED. A neutral or satisfied
 *       text label is never turned negative by the voice alone: raised voices are common on noisy
 *       lines.</li>
 * </ol>
 * Valence comes from the words; when the voice is agitated ({@code agitation > 1}) a negative
 * valence is deepened by up to 0.15. Escalation comes from the words only, except that an
 * utterance of fewer than {@value #SHORT_WORDS} words carries at most {@value #SHORT_ESCALATION}:
 * one or two words (often phantom words on line noise) never reach a live rule's 0.7 on their own.
 *
 * <p>Immutable and thread-safe.
 */
public final class FusedEmotionScorer implements EmotionScorer {

    static final double ANGER_ODDS_WEIGHT = 1.5;
    static final int SHORT_WORDS = 3;
    static final double SHORT_ESCALATION = 0.6;

    private final CallerMoodModel model;

    public FusedEmotionScorer(CallerMoodModel model) {
        this.model = model;
    }

    /** Voice agitation of {@code voice}: 0 = as usual for this caller, ±3 at most. */
    public static double agitation(VoiceFeatures voice) {
        double a = 0.6 * voice.loudness() + 0.3 * voice.pitch() + 0.1 * voice.speakingRate();
        return MoodMath.clamp(a, -3, 3);
    }

    @Override
    public EmotionReading score(String text, VoiceFeatures voice) {
        CallerMood m = model.predict(text);
        EmotionReading r = m.reading();
        double escalation = r.escalation();
        if (wordCount(text) < SHORT_WORDS) {
            escalation = Math.min(escalation, SHORT_ESCALATION);
        }
        if (voice == null || voice.durationSec() <= 0) {
            return new EmotionReading(r.label(), r.valence(), r.arousal(), r.confidence(), escalation);
        }
        double agitation = agitation(voice);
        double voiceArousal = MoodMath.clamp(0.5 + 0.15 * agitation, 0, 1);
        double arousal = MoodMath.clamp(0.6 * r.arousal() + 0.4 * voiceArousal, 0, 1);
        EmotionLabel label = r.label();
        double confidence = r.confidence();
        double valence = r.valence();
        if (label == EmotionLabel.ANGRY || label == EmotionLabel.FRUSTRATED) {
            double pAngry = m.probability(EmotionLabel.ANGRY);
            double pFrustrated = m.probability(EmotionLabel.FRUSTRATED);
            double angry = pAngry * Math.exp(ANGER_ODDS_WEIGHT * agitation);
            double shareAngry = angry / (angry + pFrustrated);
            label = shareAngry >= 0.5 ? EmotionLabel.ANGRY : EmotionLabel.FRUSTRATED;
            confidence = (pAngry + pFrustrated) * Math.max(shareAngry, 1 - shareAngry);
            if (agitation > 1 && valence < 0) {
                valence = Math.max(-1, valence - 0.15 * Math.min(agitation - 1, 1));
            }
        }
        return new EmotionReading(label, valence, arousal, MoodMath.clamp(confidence, 0, 1), escalation);
    }

    private static int wordCount(String text) {
        if (text == null) {
            return 0;
        }
        int n = 0;
        for (String t : Tokenizer.tokens(text)) {
            if (Tokenizer.isWord(t)) {
                n++;
            }
        }
        return n;
    }
}
