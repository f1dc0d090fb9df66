package com.callportrait.speech.audio;

/**
 * Second-order Butterworth high-pass filter (a biquad, coefficients after R. Bristow-Johnson's
 * "Audio EQ Cookbook"), run over 16-bit samples frame after frame with its state carried across
 * frames. Used to measure a frame's level in the speech band: it takes out a DC offset and the
 * rumble and mains hum under a voice (below ~100 Hz), which otherwise read as a steady level
 * tens of dB above the line's hiss.
 *
 * <p>Lifecycle: one per audio stream; the coefficients follow the stream's sample rate (a new
 * rate resets the state). Not thread-safe.
 */
public final class HighPassFilter {
    private static final double Q = Math.sqrt(0.5); // Butterworth

    private final double cutoffHz;
    private int rate;
    private double b0;
    private double b1;
    private double b2;
    private double a1;
    private double a2;
    private double x1;
    private double x2;
    private double y1;
    private double y2;

    /** @param cutoffHz the -3 dB frequency; must be positive */
    public HighPassFilter(double cutoffHz) {
        if (!(cutoffHz > 0)) {
            throw new IllegalArgumentException("cutoffHz must be > 0, was " + cutoffHz);
        }
        this.cutoffHz = cutoffHz;
    }

    /**
     * The level in dBFS of {@code count} samples at {@code rate} Hz after filtering (-100 for
     * silence), advancing the filter's state. A cut-off at or above half the rate passes nothing
     * but DC-free silence, so it is clamped just below.
     */
    public double levelDbfs(short[] samples, int count, int rate) {
        if (rate != this.rate) {
            design(rate);
        }
        if (count == 0) {
            return -100;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            double x = samples[i];
            double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = x;
            y2 = y1;
            y1 = y;
            sum += y * y;
        }
        double rms = Math.sqrt(sum / count);
        return rms < 1e-9 ? -100 : Math.max(-100, 20 * Math.log10(rms / 32768.0));
    }

    private void design(int newRate) {
        if (newRate <= 0) {
            throw new IllegalArgumentException("rate must be > 0, was " + newRate);
        }
        rate = newRate;
        double w0 = 2 * Math.PI * Math.min(cutoffHz, 0.45 * newRate) / newRate;
        double alpha = Math.sin(w0) / (2 * Q);
        double cos = Math.cos(w0);
        double a0 = 1 + alpha;
        b0 = (1 + cos) / 2 / a0;
        b1 = -(1 + cos) / a0;
        b2 = b0;
        a1 = -2 * cos / a0;
        a2 = (1 - alpha) / a0;
        x1 = x2 = y1 = y2 = 0;
    }
}
