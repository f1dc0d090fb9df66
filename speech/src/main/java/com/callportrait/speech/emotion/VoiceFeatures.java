package com.callportrait.speech.emotion;

/**
 * Prosody of one utterance relative to the same caller's running baseline. Each value is a
 * z-score-like ratio: 0 means "as this caller usually sounds", positive means louder / higher /
 * faster. {@link #NONE} is used when there is no audio (text-only scoring). Immutable and
 * thread-safe.
 *
 * @param loudness     RMS energy relative to the caller's baseline, in standard deviations
 * @param pitch        median F0 relative to the caller's baseline, in standard deviations
 * @param speakingRate words (or voiced segments) per second relative to the baseline
 * @param durationSec  voiced duration of the utterance in seconds
 */
public record VoiceFeatures(double loudness, double pitch, double speakingRate, double durationSec) {
    /** No acoustic evidence. */
    public static final VoiceFeatures NONE = new VoiceFeatures(0, 0, 0, 0);

    public VoiceFeatures {
        if (!Double.isFinite(loudness) || !Double.isFinite(pitch) || !Double.isFinite(speakingRate)
                || !(durationSec >= 0) || Double.isInfinite(durationSec)) {
            throw new IllegalArgumentException("voice features must be finite, duration >= 0");
        }
    }
}
