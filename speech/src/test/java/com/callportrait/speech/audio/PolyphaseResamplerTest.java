package com.callportrait.speech.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolyphaseResamplerTest {

    static short[] sine(double hz, int rate, int n, double amplitude) {
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return s;
    }

    /** Amplitude of the {@code hz} component (single-bin DFT), skipping the filter's start-up. */
    static double amplitudeAt(float[] x, double hz, int rate) {
        int from = 200;
        double re = 0;
        double im = 0;
        for (int i = from; i < x.length; i++) {
            re += x[i] * Math.cos(2 * Math.PI * hz * i / rate);
            im += x[i] * Math.sin(2 * Math.PI * hz * i / rate);
        }
        return 2 * Math.hypot(re, im) / (x.length - from);
    }

    @Test
    void upsamplesTelephoneAudioWithoutImages() {
        PolyphaseResampler r = new PolyphaseResampler(8000, 16000);
        float[] out = r.process(sine(1000, 8000, 8000, 10000), 8000);
        assertThat(out.length).isBetween(15990, 16000);
        assertThat(amplitudeAt(out, 1000, 16000)).isCloseTo(10000, org.assertj.core.data.Percentage.withPercentage(2));
        // zero-stuffing puts an image of 1 kHz at 7 kHz: the anti-imaging filter must remove it
        double image = amplitudeAt(out, 7000, 16000);
        assertThat(20 * Math.log10(image / 10000)).isLessThan(-60);
    }

    @Test
    void chunkedStreamingEqualsOneShot() {
        short[] in = sine(440, 8000, 4000, 8000);
        float[] whole = new PolyphaseResampler(8000, 16000).process(in, in.length);
        PolyphaseResampler streaming = new PolyphaseResampler(8000, 16000);
        float[] joined = new float[whole.length];
        int at = 0;
        for (int i = 0; i < in.length; i += 160) {
            short[] chunk = java.util.Arrays.copyOfRange(in, i, Math.min(in.length, i + 160));
            float[] part = streaming.process(chunk, chunk.length);
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        assertThat(at).isEqualTo(whole.length);
        assertThat(joined).containsExactly(whole);
    }

    @Test
    void downsamplesWithAntiAliasing() {
        PolyphaseResampler r = new PolyphaseResampler(44100, 16000);
        short[] in = new short[44100];
        short[] low = sine(1000, 44100, 44100, 8000);
        short[] high = sine(12000, 44100, 44100, 8000); // above the 8 kHz output Nyquist: must vanish
        for (int i = 0; i < in.length; i++) {
            in[i] = (short) (low[i] + high[i]);
        }
        float[] out = r.process(in, in.length);
        assertThat(out.length).isBetween(15990, 16000);
        assertThat(amplitudeAt(out, 1000, 16000)).isCloseTo(8000, org.assertj.core.data.Percentage.withPercentage(2));
        // 12 kHz would alias to 4 kHz
        assertThat(amplitudeAt(out, 4000, 16000)).isLessThan(8);
    }
}
