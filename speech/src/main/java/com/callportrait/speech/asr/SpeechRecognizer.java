package com.callportrait.speech.asr;

/**
 * A streaming recogniser as the pipeline drives it: feed audio at {@link #sampleRate()}, read
 * partial and final results, {@link #restart()} it before it serves someone else.
 * {@link StreamingRecognizer} is the Vosk one; the interface exists so that the pool can be
 * exercised with a recogniser that fails on purpose.
 *
 * <p>Not thread-safe: one thread at a time (the pipeline drives it from one call's serial
 * mailbox). Lifecycle: created by a {@link RecognizerPool}'s factory, leased to calls, restarted
 * between leases, {@link #close()}d by the pool when it is retired.
 */
public interface SpeechRecognizer extends AutoCloseable {

    /** Feeds samples (16-bit range); true when the recogniser detected the end of an utterance itself. */
    boolean accept(float[] samples, int count);

    /** Seconds of audio fed since the last {@link #restart()}: the clock of word timings. */
    double fedSeconds();

    /** The current best guess for the utterance in progress (text only). */
    String partial();

    /** The result after the recogniser's own endpoint ({@link #accept} returned true). */
    RecognizedText result();

    /** Flushes the utterance in progress and returns its final result; the recogniser goes on after. */
    RecognizedText finish();

    /**
     * Forgets everything heard so far: the words, the feature pipeline with its speaker
     * adaptation (i-vector, mean normalisation), and the clock, so that word timings start again
     * at 0. What it keeps is only what makes it fast: the decoding graph it has composed, which
     * holds nothing of any caller.
     */
    void restart();

    /** Samples per second {@link #accept} takes. */
    int sampleRate();

    @Override
    void close();
}
