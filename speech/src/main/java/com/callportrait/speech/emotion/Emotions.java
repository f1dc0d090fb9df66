package com.callportrait.speech.emotion;

import com.callportrait.speech.emotion.internal.FusedEmotionScorer;
import com.callportrait.speech.emotion.internal.ProsodyAnalyzer;

/**
 * Entry points of the emotion stage. Typical use by the per-call pipeline:
 * <pre>{@code
 * EmotionScorer scorer = Emotions.scorer();            // once per process, shared by all calls
 * VoiceAnalyzer voice = Emotions.newVoiceAnalyzer();   // per call
 * EmotionTrend trend = Emotions.newTrend();            // per call
 * // on the recognition worker, for each final utterance:
 * voice.accept(pcm, n, 8000); ...
 * EmotionReading r = scorer.score(text, voice.endUtterance(words));
 * EmotionTrend.Snapshot s = trend.add(r);
 * }</pre>
 */
public final class Emotions {

    private Emotions() {
    }

    /** The shared scorer: the bundled call-centre text model fused with voice features. Thread-safe. */
    public static EmotionScorer scorer() {
        return new FusedEmotionScorer(CallerMoodModel.load());
    }

    /** A scorer over the bundled call-centre models stacked on the given general model. Thread-safe. */
    public static EmotionScorer scorer(TextEmotionModel model) {
        return new FusedEmotionScorer(CallerMoodModel.load(model));
    }

    /** A scorer over a given call-centre model. Thread-safe. */
    public static EmotionScorer scorer(CallerMoodModel model) {
        return new FusedEmotionScorer(model);
    }

    /** A fresh prosody analyzer for one call. Not thread-safe. */
    public static VoiceAnalyzer newVoiceAnalyzer() {
        return new ProsodyAnalyzer();
    }

    /** A fresh trend for one call. Thread-safe. */
    public static EmotionTrend newTrend() {
        return new EmotionTrend();
    }
}
