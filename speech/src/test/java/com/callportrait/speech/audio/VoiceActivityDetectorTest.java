package com.callportrait.speech.audio;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.speech.audio.VoiceActivityDetector.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VoiceActivityDetectorTest {

    private static short[] frame(double amplitude, Random random) {
        short[] s = new short[160];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) Math.round(amplitude * (random.nextDouble() * 2 - 1));
        }
        return s;
    }

    private static List<Decision> run(VoiceActivityDetector vad, double... amplitudes) {
        Random random = new Random(3);
        List<Decision> out = new ArrayList<>();
        for (double a : amplitudes) {
            out.add(vad.accept(frame(a, random), 160, 20));
        }
        return out;
    }

    @Test
    void startsAfterOnsetKeepsShortPausesAndEndsAfterTheHangover() {
        VoiceActivityDetector vad = new VoiceActivityDetector(-50, 9, 2, 100);
        double quiet = 30;
        double loud = 6000;
        List<Decision> d = run(vad, quiet, quiet, loud, loud, loud, quiet, quiet, loud, quiet, quiet, quiet, quiet,
                quiet, quiet);
        assertThat(d).containsExactly(Decision.SILENCE, Decision.SILENCE, Decision.SILENCE, Decision.START,
                Decision.CONTINUE, Decision.CONTINUE, Decision.CONTINUE, Decision.CONTINUE, Decision.CONTINUE,
                Decision.CONTINUE, Decision.CONTINUE, Decision.CONTINUE, Decision.END, Decision.SILENCE);
    }

    @Test
    void aSingleClickIsNotSpeech() {
        VoiceActivityDetector vad = new VoiceActivityDetector(-50, 9, 2, 100);
        assertThat(run(vad, 30, 8000, 30, 30)).containsOnly(Decision.SILENCE);
    }

    @Test
    void noisyLineRaisesTheThreshold() {
        VoiceActivityDetector vad = new VoiceActivityDetector(-50, 9, 2, 100);
        double[] noise = new double[200];
        java.util.Arrays.fill(noise, 800); // steady line noise around -35 dBFS, above the absolute floor
        List<Decision> d = run(vad, noise);
        // the floor tracks the noise, so after the first frames the noise alone is not speech
        assertThat(d.subList(50, 200)).containsOnly(Decision.SILENCE);
        assertThat(vad.noiseFloorDb()).isGreaterThan(-45);
    }
}
