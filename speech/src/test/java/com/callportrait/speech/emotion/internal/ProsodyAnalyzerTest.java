package com.callportrait.speech.emotion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.speech.emotion.VoiceFeatures;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProsodyAnalyzerTest {

    private final Random rnd = new Random(42);

    /** A voiced utterance: harmonic tone with slight jitter, fed in 20 ms AudioSocket-sized chunks. */
    private void speak(ProsodyAnalyzer a, double hz, double amp, double seconds, int rate) {
        int n = (int) (seconds * rate);
        short[] chunk = new short[rate / 50];
        double phase = 0;
        int k = 0;
        double f = hz * (1 + 0.02 * rnd.nextGaussian());
        double level = amp * (1 + 0.05 * rnd.nextGaussian());
        for (int i = 0; i < n; i++) {
            phase += 2 * Math.PI * f / rate;
            double s = Math.sin(phase) + 0.5 * Math.sin(2 * phase) + 0.25 * Math.sin(3 * phase);
            chunk[k++] = (short) Math.round(level * 32767 * s / 1.75);
            if (k == chunk.length) {
                a.accept(chunk, k, rate);
                k = 0;
            }
        }
        a.accept(chunk, k, rate);
    }

    @Test
    void aLouderUtteranceThanUsualScoresPositiveLoudness() {
        ProsodyAnalyzer a = new ProsodyAnalyzer();
        for (int i = 0; i < 4; i++) {
            speak(a, 130, 0.1, 1.5, 8000);
            VoiceFeatures normal = a.endUtterance(4);
            assertThat(Math.abs(normal.loudness())).isLessThan(1.0);
        }
        speak(a, 130, 0.4, 1.5, 8000); // +12 dB
        VoiceFeatures shout = a.endUtterance(4);
        assertThat(shout.loudness()).isGreaterThan(2.0);
        assertThat(Math.abs(shout.pitch())).isLessThan(1.0);
        assertThat(shout.durationSec()).isBetween(1.3, 1.6);
    }

    @Test
    void aHigherToneThanUsualScoresPositivePitch() {
        ProsodyAnalyzer a = new ProsodyAnalyzer();
        for (int i = 0; i < 4; i++) {
            speak(a, 120, 0.1, 1.0, 8000);
            a.endUtterance(3);
        }
        speak(a, 170, 0.1, 1.0, 8000); // about 6 semitones up
        VoiceFeatures high = a.endUtterance(3);
        assertThat(high.pitch()).isGreaterThan(2.0);
        assertThat(Math.abs(high.loudness())).isLessThan(1.0);
    }

    @Test
    void aQuieterLowerUtteranceScoresNegative() {
        ProsodyAnalyzer a = new ProsodyAnalyzer();
        for (int i = 0; i < 3; i++) {
            speak(a, 200, 0.2, 1.0, 16000);
            a.endUtterance(3);
        }
        speak(a, 160, 0.05, 1.0, 16000);
        VoiceFeatures calm = a.endUtterance(3);
        assertThat(calm.loudness()).isLessThan(-2.0);
        assertThat(calm.pitch()).isLessThan(-2.0);
    }

    @Test
    void moreWordsInTheSameTimeScoresFasterSpeech() {
        ProsodyAnalyzer a = new ProsodyAnalyzer();
        for (int i = 0; i < 3; i++) {
            speak(a, 120, 0.1, 2.0, 8000);
            a.endUtterance(5);
        }
        speak(a, 120, 0.1, 2.0, 8000);
        assertThat(a.endUtterance(10).speakingRate()).isGreaterThan(1.0);
    }

    @Test
    void theFirstUtteranceIsTheBaselineAndSilenceGivesNothing() {
        ProsodyAnalyzer a = new ProsodyAnalyzer();
        a.accept(new short[8000], 8000, 8000);
        assertThat(a.endUtterance(0)).isEqualTo(VoiceFeatures.NONE);
        speak(a, 150, 0.3, 1.0, 8000);
        VoiceFeatures first = a.endUtterance(3);
        assertThat(first.loudness()).isZero();
        assertThat(first.pitch()).isZero();
        assertThat(a.utterances()).isEqualTo(1);
    }
}
