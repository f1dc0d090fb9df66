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

    /**
     * {@code pcm} followed by {@code ms} of quiet line noise (seeded, about -60 dBFS): what the tap of a
     * caller who stopped speaking but is still waiting carries.
     */
    public static byte[] withLineNoise(byte[] pcm, int ms) {
        byte[] out = java.util.Arrays.copyOf(pcm, pcm.length + 16 * ms);
        java.util.Random hiss = new java.util.Random(42);
        for (int i = pcm.length; i + 1 < out.length; i += 2) {
            int s = hiss.nextInt(61) - 30;
            out[i] = (byte) s;
            out[i + 1] = (byte) (s >> 8);
        }
        return out;
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
        if (peak == 0) {
            return 0; // digital silence: no speech at all
        }
        for (int f = frames - 1; f >= 0; f--) {
            if (rms[f] >= RELATIVE_THRESHOLD * peak) {
                return (f + 1) * 20L;
            }
        }
        return 0;
    }
}
