package com.callportrait.speech.audio;

/**
 * Streaming rational sample-rate converter (L/M polyphase FIR). The prototype low-pass is a
 * Kaiser-windowed sinc (beta 8, about 80 dB stop-band) with its cut-off just under the lower of
 * the two Nyquist frequencies, so going 8 kHz to 16 kHz it removes the spectral images above
 * 4 kHz that zero-stuffing creates (the anti-imaging filter), and going down it is the
 * anti-aliasing filter. Output is float in the 16-bit range, which is what Vosk takes.
 *
 * <p>Lifecycle: one instance per stream (it keeps the filter history). Not thread-safe. The
 * filter tables are computed once per instance; the delay is half the filter, 4 ms at 8 kHz.
 */
public final class PolyphaseResampler {
    private static final double KAISER_BETA = 8.0;
    /**
     * Taps per phase when upsampling: 128 at 8 kHz gives a transition band of about 300 Hz, so the
     * telephone band (to 3.4 kHz) passes untouched and images above 4 kHz are stopped.
     */
    private static final int BASE_TAPS = 128;
    /** Cut-off as a fraction of the lower Nyquist frequency. */
    private static final double CUTOFF = 0.96;

    private final int inRate;
    private final int outRate;
    private final int up;
    private final int down;
    private final int taps;
    /** phases[p][k]: coefficient applied to x[i - k] for phase p. */
    private final float[][] phases;
    /** Circular history written twice, so the newest {@code taps} samples are always contiguous. */
    private final float[] history;
    private int head;
    private long inCount;
    private long outCount;

    public PolyphaseResampler(int inRate, int outRate) {
        if (inRate <= 0 || outRate <= 0) {
            throw new IllegalArgumentException("rates must be positive: " + inRate + " -> " + outRate);
        }
        this.inRate = inRate;
        this.outRate = outRate;
        int g = gcd(inRate, outRate);
        this.up = outRate / g;
        this.down = inRate / g;
        this.taps = (int) Math.ceil(BASE_TAPS * Math.max(1.0, (double) inRate / outRate));
        this.phases = design(up, taps, inRate, outRate);
        this.history = new float[2 * taps];
    }

    public int inRate() {
        return inRate;
    }

    public int outRate() {
        return outRate;
    }

    /** True when the rates are equal and {@link #process} only converts to float. */
    public boolean isIdentity() {
        return inRate == outRate;
    }

    /**
     * Converts {@code count} input samples; returns the output samples now available (about
     * {@code count * outRate / inRate}).
     */
    public float[] process(short[] in, int count) {
        if (isIdentity()) {
            float[] out = new float[count];
            for (int i = 0; i < count; i++) {
                out[i] = in[i];
            }
            return out;
        }
        long totalIn = inCount + count;
        // output n needs input index floor(n * down / up) to have arrived
        long lastOut = Math.floorDiv(totalIn * up - 1, down);
        int produce = (int) Math.max(0, lastOut - outCount + 1);
        float[] out = new float[produce];
        int o = 0;
        for (int i = 0; i < count; i++) {
            push(in[i]);
            long newest = inCount++;
            while (o < produce) {
                long t = (outCount + o) * down;
                long index = t / up;
                if (index != newest) {
                    break;
                }
                out[o++] = dot(phases[(int) (t - index * up)]);
            }
        }
        outCount += o;
        if (o != produce) {
            float[] trimmed = new float[o];
            System.arraycopy(out, 0, trimmed, 0, o);
            return trimmed;
        }
        return out;
    }

    private void push(float sample) {
        head = head == 0 ? taps - 1 : head - 1;
        history[head] = sample;
        history[head + taps] = sample;
    }

    /** Sum of h[k] * x[newest - k]: x[newest - k] is history[head + k]. */
    private float dot(float[] h) {
        float acc = 0;
        int base = head;
        for (int k = 0; k < taps; k++) {
            acc += h[k] * history[base + k];
        }
        return acc;
    }

    private static float[][] design(int up, int taps, int inRate, int outRate) {
        int length = up * taps;
        double highRate = (double) inRate * up;
        // cut-off a little under the lower Nyquist so the transition band ends near it
        double cutoff = 0.5 * Math.min(inRate, outRate) * CUTOFF / highRate; // cycles per high-rate sample
        double center = (length - 1) / 2.0;
        double i0Beta = besselI0(KAISER_BETA);
        float[][] phases = new float[up][taps];
        for (int n = 0; n < length; n++) {
            double x = n - center;
            double sinc = x == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
            double r = 2.0 * n / (length - 1) - 1;
            double window = besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
            // gain `up` restores the level lost by inserting up-1 zeros between input samples
            phases[n % up][n / up] = (float) (sinc * window * up);
        }
        return phases;
    }

    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
            if (term < 1e-12 * sum) {
                break;
            }
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
