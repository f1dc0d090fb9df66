package com.callportrait.speech.emotion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class YinPitchTest {

    static float[] tone(double hz, int rate, int n, double amp, int harmonics) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int h = 1; h <= harmonics; h++) {
                s += Math.sin(2 * Math.PI * hz * h * i / rate) / h;
            }
            x[i] = (float) (amp * s);
        }
        return x;
    }

    @Test
    void findsThePitchOfPureTonesAt8kHz() {
        YinPitch yin = new YinPitch(8000);
        for (double hz : new double[] {80, 120, 200, 300, 420}) {
            float[] x = tone(hz, 8000, yin.frameLength(), 0.3, 1);
            assertThat(yin.pitch(x, 0)).as("%s Hz", hz).isCloseTo(hz, within(hz * 0.01));
        }
    }

    @Test
    void findsTheFundamentalOfAHarmonicVoiceLikeSignalAt16kHz() {
        YinPitch yin = new YinPitch(16000);
        float[] x = tone(110, 16000, yin.frameLength(), 0.2, 8);
        assertThat(yin.pitch(x, 0)).isCloseTo(110, within(1.5));
    }

    @Test
    void noiseAndSilenceAreUnvoiced() {
        YinPitch yin = new YinPitch(8000);
        Random rnd = new Random(7);
        float[] noise = new float[yin.frameLength()];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (rnd.nextGaussian() * 0.1);
        }
        assertThat(yin.pitch(noise, 0)).isNaN();
        assertThat(yin.pitch(new float[yin.frameLength()], 0)).isNaN();
    }
}
