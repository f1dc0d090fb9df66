package com.callportrait.bench.speech;

import com.callportrait.speech.emotion.EmotionLabel;
import com.callportrait.speech.emotion.EmotionReading;
import com.callportrait.speech.emotion.EmotionScorer;
import com.callportrait.speech.emotion.VoiceAnalyzer;
import com.callportrait.speech.emotion.VoiceFeatures;

/**
 * Stand-ins for the emotion stage, so that the recognition benchmarks measure recognition only:
 * a scorer that answers neutral without looking at the text, and a voice analyser that only counts
 * the voiced duration it is fed.
 */
final class AsrOnly {
    /** Always neutral; stateless, thread-safe. */
    static final EmotionScorer SCORER = (text, voice) -> new EmotionReading(EmotionLabel.NEUTRAL, 0, 0.2, 0.5);

    private AsrOnly() {
    }

    /** Reports the voiced duration it was fed. One per call; not thread-safe. */
    static final class DurationAnalyzer implements VoiceAnalyzer {
        private long samples;
        private int rate = 8000;

        @Override
        public void accept(short[] s, int count, int sampleRate) {
            samples += count;
            rate = sampleRate;
        }

        @Override
        public VoiceFeatures endUtterance(int wordCount) {
            VoiceFeatures f = new VoiceFeatures(0, 0, 0, samples / (double) rate);
            samples = 0;
            return f;
        }
    }
}
