package com.callportrait.speech.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HighPassFilterTest {

    /** Level of the 10th 20 ms frame (after the filter settled) of a tone plus offset, through the filter. */
    private static double settledLevel(double hz, double amplitude, double offset, int rate) {
        HighPassFilter f = new HighPassFilter(150);
        int n = rate / 50;
        double level = 0;
        for (int frame = 0; frame < 10; frame++) {
            short[] s = new short[n];
            for (int i = 0; i < n; i++) {
                double t = (frame * n + i) / (double) rate;
                s[i] = (short) Math.round(offset + amplitude * Math.sin(2 * Math.PI * hz * t));
            }
            level = f.levelDbfs(s, n, rate);
        }
        return level;
    }

    private static double dbfsOfSine(double amplitude) {
        return 20 * Math.log10(amplitude / Math.sqrt(2) / 32768);
    }

    @Test
    void passesTheVoiceBandAndTakesOutDcAndHum() {
        for (int rate : new int[] {8000, 16000}) {
            assertThat(settledLevel(1000, 3000, 0, rate)).isCloseTo(dbfsOfSine(3000), org.assertj.core.data.Offset.offset(0.3));
            assertThat(settledLevel(300, 3000, 0, rate)).isCloseTo(dbfsOfSine(3000), org.assertj.core.data.Offset.offset(1.5));
            assertThat(settledLevel(50, 3000, 0, rate)).isLessThan(dbfsOfSine(3000) - 15);
            assertThat(settledLevel(0, 0, 2000, rate)).isLessThan(-80); // a DC offset alone
        }
    }

    @Test
    void silenceIsMinus100AndTheCutOffMustBePositive() {
        assertThat(new HighPassFilter(150).levelDbfs(new short[160], 160, 8000)).isEqualTo(-100);
        assertThatThrownBy(() -> new HighPassFilter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
