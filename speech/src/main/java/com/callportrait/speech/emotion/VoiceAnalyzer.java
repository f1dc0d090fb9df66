package com.callportrait.speech.emotion;

/**
 * Measures the prosody of one caller, utterance by utterance, against that caller's own running
 * baseline (a shout is louder than this caller's normal, not than a constant).
 *
 * <p>Lifecycle: one instance per call, created when the call's audio starts and dropped when it
 * ends. Not thread-safe: the call's recognition worker feeds it serially.
 */
public interface VoiceAnalyzer {

    /**
     * Feeds voiced audio of the current utterance.
     *
     * @param samples    signed 16-bit mono PCM
     * @param count      number of valid samples in {@code samples}
     * @param sampleRate samples per second (8000 for telephone audio)
     */
    void accept(short[] samples, int count, int sampleRate);

    /**
     * Closes the current utterance: returns its features relative to the baseline, then folds it
     * into the baseline.
     *
     * @param wordCount words recognised in the utterance (for speaking rate); 0 when unknown
     */
    VoiceFeatures endUtterance(int wordCount);
}
