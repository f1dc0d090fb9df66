package com.callportrait.speech.emotion;

/**
 * Scores one utterance from its words and, when there is audio, its voice. Implementations are
 * thread-safe and fast (well under a millisecond per utterance): they run on the recognition
 * worker pool, never on a Netty event loop.
 */
public interface EmotionScorer {

    /**
     * @param text  the recognised words (raw, unredacted: used in memory only)
     * @param voice prosody relative to the caller's baseline, or {@link VoiceFeatures#NONE}
     */
    EmotionReading score(String text, VoiceFeatures voice);
}
