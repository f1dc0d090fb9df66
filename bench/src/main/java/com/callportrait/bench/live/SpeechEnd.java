package com.callportrait.bench.live;

/**
 * Where speech ends in a recording: the end of its last 20 ms frame whose loudness is at least
 * {@value #RELATIVE_THRESHOLD} of the loudest frame's, and where each of its utterances ends (a
 * run of loud frames followed by at least {@value #PAUSE_MS} ms below that level, or the end of
 * speech). An energy measure of the audio itself, so the benchmark's "end of the utterance" does
 * not depend on the recogniser it measures. Stateless.
 */
public final class SpeechEnd {
    /** A frame counts as speech at this fraction of the loudest frame's RMS (about -26 dB). */
    static final double RELATIVE_THRESHOLD = 0.05;
    private static final int FRAME_SAMPLES = 160; // 20 ms at 8 kHz
    /** A pause this long between loud frames separates two utterances (the live VAD's hangover). */
    static final int PAUSE_MS = 300;

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
        long[] ends = utteranceEnds(pcm);
        return ends.length == 0 ? 0 : ends[ends.length - 1];
    }

    /**
     * Milliseconds from the start of {@code pcm} (8 kHz, 16-bit little-endian mono) to the end of each
     * utterance, in order; empty for a recording without speech.
     */
    public static long[] utteranceEnds(byte[] pcm) {
        double[] rms = frameRms(pcm);
        double peak = 0;
        for (double r : rms) {
            peak = Math.max(peak, r);
        }
        if (peak == 0) {
            return new long[0]; // digital silence: no speech at all
        }
        java.util.List<Long> ends = new java.util.ArrayList<>();
        int lastLoud = -1;
        for (int f = 0; f < rms.length; f++) {
            if (rms[f] >= RELATIVE_THRESHOLD * peak) {
                if (lastLoud >= 0 && (f - lastLoud - 1) * 20 >= PAUSE_MS) {
                    ends.add((lastLoud + 1) * 20L);
                }
                lastLoud = f;
            }
        }
        if (lastLoud >= 0) {
            ends.add((lastLoud + 1) * 20L);
        }
        return ends.stream().mapToLong(Long::longValue).toArray();
    }

    private static double[] frameRms(byte[] pcm) {
        int frames = pcm.length / 2 / FRAME_SAMPLES;
        double[] rms = new double[frames];
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = 0; i < FRAME_SAMPLES; i++) {
                int at = 2 * (f * FRAME_SAMPLES + i);
                short s = (short) ((pcm[at] & 0xFF) | (pcm[at + 1] << 8));
                sum += (double) s * s;
            }
            rms[f] = Math.sqrt(sum / FRAME_SAMPLES);
        }
        return rms;
    }
}
