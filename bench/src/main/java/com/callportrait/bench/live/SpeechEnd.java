package com.callportrait.bench.live;

/**
 * Where speech ends in a recording: the end of its last 20 ms frame whose loudness is at least
 * {@value #RELATIVE_THRESHOLD} of the loudest frame's. An energy measure of the audio itself, so
 * the benchmark's "end of the utterance" does not depend on the recogniser it measures. Stateless.
 */
public final class SpeechEnd {
    /** A frame counts as speech at this fraction of the loudest frame's RMS (about -26 dB). */
    static final double RELATIVE_THRESHOLD = 0.05;
    private static final int FRAME_SAMPLES = 160; // 20 ms at 8 kHz

    private SpeechEnd() {
    }

    /** Milliseconds from the start of {@code pcm} (8 kHz, 16-bit little-endian mono) to the end of speech. */
    public static long millis(byte[] pcm) {
        int frames = pcm.length / 2 / FRAME_SAMPLES;
        double[] rms = new double[frames];
        double peak = 0;
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = 0; i < FRAME_SAMPLES; i++) {
                int at = 2 * (f * FRAME_SAMPLES + i);
                short s = (short) ((pcm[at] & 0xFF) | (pcm[at + 1] << 8));
                sum += (double) s * s;
            }
            rms[f] = Math.sqrt(sum / FRAME_SAMPLES);
            peak = Math.max(peak, rms[f]);
        }
        for (int f = frames - 1; f >= 0; f--) {
            if (rms[f] >= RELATIVE_THRESHOLD * peak) {
                return (f + 1) * 20L;
            }
        }
        return 0;
    }
}
