package com.callportrait.speech.emotion.internal;

/**
 * Fundamental frequency of one frame by YIN (de Cheveigné and Kawahara 2002): difference function,
 * cumulative-mean normalisation, absolute threshold, parabolic interpolation. No maintained Java
 * pitch tracker is on Maven Central (TarsosDSP is not published there), so this is a small,
 * tested implementation.
 *
 * <p>Not thread-safe (holds scratch buffers): one instance per thread; a {@link ProsodyAnalyzer}
 * owns one.
 */
public final class YinPitch {

    /** Lowest F0 searched, Hz: below a deep adult voice. */
    public static final double MIN_F0 = 60;
    /** Highest F0 searched, Hz: above a high child's voice, below telephone band aliasing. */
    public static final double MAX_F0 = 450;

    private static final double THRESHOLD = 0.15;

    private final int sampleRate;
    private final int window;
    private final int tauMin;
    private final int tauMax;
    private final double[] diff;

    /** A tracker for {@code sampleRate}; frames must hold {@link #frameLength()} samples. */
    public YinPitch(int sampleRate) {
        if (sampleRate < 4000) {
            throw new IllegalArgumentException("sample rate too low for pitch: " + sampleRate);
        }
        this.sampleRate = sampleRate;
        this.tauMin = (int) Math.floor(sampleRate / MAX_F0);
        this.tauMax = (int) Math.ceil(sampleRate / MIN_F0);
        this.window = tauMax;
        this.diff = new double[tauMax + 1];
    }

    /** Samples a frame needs: the integration window plus the largest lag. */
    public int frameLength() {
        return window + tauMax;
    }

    /**
     * F0 of the frame starting at {@code offset}, in Hz, or NaN when the frame is not periodic
     * enough to be voiced.
     */
    public double pitch(float[] x, int offset) {
        for (int tau = 1; tau <= tauMax; tau++) {
            double s = 0;
            for (int j = 0; j < window; j++) {
                double d = x[offset + j] - x[offset + j + tau];
                s += d * d;
            }
            diff[tau] = s;
        }
        diff[0] = 1;
        double running = 0;
        for (int tau = 1; tau <= tauMax; tau++) {
            running += diff[tau];
            diff[tau] = running == 0 ? 1 : diff[tau] * tau / running;
        }
        int tau = tauMin;
        while (tau <= tauMax && diff[tau] >= THRESHOLD) {
            tau++;
        }
        if (tau > tauMax) {
            return Double.NaN;
        }
        while (tau + 1 <= tauMax && diff[tau + 1] < diff[tau]) {
            tau++; // walk down to the bottom of this dip, not its first point under the threshold
        }
        double refined = tau;
        if (tau > 1 && tau < tauMax) {
            double a = diff[tau - 1];
            double b = diff[tau];
            double c = diff[tau + 1];
            double denom = a - 2 * b + c;
            if (denom > 0) {
                refined = tau + 0.5 * (a - c) / denom;
            }
        }
        return sampleRate / refined;
    }
}
