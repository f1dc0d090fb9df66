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

    // --- the live settings: speech-band levels, an end relative to the utterance, floor over signal only ---

    private static final int RATE = 8000;
    private static final int FRAME = 160; // 20 ms
    private static final double HANGOVER_MS = 300;

    private static VoiceActivityDetector live() {
        return new VoiceActivityDetector(new VoiceActivityDetector.Settings(-50, 9, 2, HANGOVER_MS, 30, 150));
    }

    /** Builds a caller's audio frame by frame: a voiced sound, noise, hum, digital silence, or a mix. */
    private static final class Line {
        private final List<short[]> frames = new ArrayList<>();
        private final Random random = new Random(11);
        private double phase;

        /** A voiced frame: 180 Hz with three harmonics at {@code dbfs} RMS, plus {@code noiseDbfs} of hiss. */
        Line voice(int count, double dbfs, double noiseDbfs) {
            for (int f = 0; f < count; f++) {
                double[] x = new double[FRAME];
                double sum = 0;
                for (int i = 0; i < FRAME; i++) {
                    double t = phase + i / (double) RATE;
                    x[i] = Math.sin(2 * Math.PI * 180 * t) + 0.7 * Math.sin(2 * Math.PI * 360 * t)
                            + 0.5 * Math.sin(2 * Math.PI * 540 * t) + 0.3 * Math.sin(2 * Math.PI * 720 * t);
                    sum += x[i] * x[i];
                }
                phase += FRAME / (double) RATE;
                double gain = 32768 * Math.pow(10, dbfs / 20) / Math.sqrt(sum / FRAME);
                add(x, gain, noiseDbfs);
            }
            return this;
        }

        /**
         * {@code words} voiced stretches of 200 ms, each rising and falling as a syllable does (peak at
         * {@code dbfs}, some words 2-4 dB softer), with 100 ms gaps of only the hiss between them.
         */
        Line talk(int words, double dbfs, double noiseDbfs) {
            for (int w = 0; w < words; w++) {
                for (double rel : SYLLABLE) {
                    voice(1, dbfs - (w % 3) * 2 + rel, noiseDbfs);
                }
                if (w + 1 < words) {
                    noise(5, noiseDbfs);
                }
            }
            return this;
        }

        Line noise(int count, double dbfs) {
            for (int f = 0; f < count; f++) {
                add(new double[FRAME], 0, dbfs);
            }
            return this;
        }

        /** Mains hum at 50 Hz on a DC offset, {@code dbfs} RMS in all: no speech in it. */
        Line hum(int count, double dbfs, double noiseDbfs) {
            for (int f = 0; f < count; f++) {
                double[] x = new double[FRAME];
                for (int i = 0; i < FRAME; i++) {
                    x[i] = 1 + Math.sin(2 * Math.PI * 50 * (phase + i / (double) RATE)) * Math.sqrt(2);
                }
                phase += FRAME / (double) RATE;
                add(x, 32768 * Math.pow(10, dbfs / 20) / Math.sqrt(2), noiseDbfs);
            }
            return this;
        }

        Line silence(int count) {
            for (int f = 0; f < count; f++) {
                frames.add(new short[FRAME]);
            }
            return this;
        }

        private void add(double[] x, double gain, double noiseDbfs) {
            double sigma = Double.isNaN(noiseDbfs) ? 0 : 32768 * Math.pow(10, noiseDbfs / 20);
            short[] s = new short[FRAME];
            for (int i = 0; i < FRAME; i++) {
                s[i] = (short) Math.max(-32768, Math.min(32767, Math.round(x[i] * gain + random.nextGaussian() * sigma)));
            }
            frames.add(s);
        }

        int size() {
            return frames.size();
        }

        List<Decision> through(VoiceActivityDetector vad) {
            List<Decision> out = new ArrayList<>();
            for (short[] f : frames) {
                out.add(vad.accept(f, FRAME, 20));
            }
            return out;
        }
    }

    private static final double NONE = Double.NaN;
    /** A syllable's envelope over ten 20 ms frames, dB from its peak. */
    private static final double[] SYLLABLE = {-12, -6, -2, 0, 0, -1, -2, -4, -6, -8};

    /** Index of the only END; fails unless exactly one utterance started and ended. */
    private static int onlyEnd(List<Decision> d) {
        assertThat(d.stream().filter(x -> x == Decision.START).count()).as("utterances started").isEqualTo(1);
        assertThat(d.stream().filter(x -> x == Decision.END).count()).as("utterances ended").isEqualTo(1);
        return d.indexOf(Decision.END);
    }

    @Test
    void noiseAfterAClearVoiceOnADigitallySilentLineEndsTheUtteranceWithinTheHangover() {
        // silence suppression between utterances, then a caller at -12 dBFS whose room noise (-45) goes on after
        Line line = new Line().silence(100).talk(6, -12, NONE);
        int speechEnd = line.size();
        line.noise(150, -45);
        assertEndsWithinTheHangover(line, speechEnd);
    }

    @Test
    void aQuietTalkerWhoseWordsCarryTheNoiseEndsWithinTheHangoverWhenOnlyTheNoiseGoesOn() {
        // -30 dBFS words with -45 dBFS noise between them, on a line digitally silent before: the noise
        // measured in the gaps is the floor, although the line's quietest frames are zeros
        Line line = new Line().silence(100).talk(8, -30, -45);
        int speechEnd = line.size();
        line.noise(150, -45);
        assertEndsWithinTheHangover(line, speechEnd);
    }

    @Test
    void humAndADcOffsetUnderTheVoiceDoNotHoldTheUtteranceOpen() {
        // -40 dBFS of 50 Hz hum on a DC offset goes on after the last word: below the voice's band
        Line line = new Line().noise(60, -70).talk(6, -20, -70);
        int speechEnd = line.size();
        line.hum(150, -40, -70);
        assertEndsWithinTheHangover(line, speechEnd);
    }

    @Test
    void aSentenceWithA200msPauseIsOneUtterance() {
        Line line = new Line().noise(60, -60).talk(5, -20, -60).noise(10, -60).talk(5, -20, -60);
        int speechEnd = line.size();
        line.noise(60, -60);
        int end = onlyEnd(line.through(live()));
        assertThat(end).isGreaterThan(speechEnd);
    }

    @Test
    void aSoftWordAfterALoudOneIsNotCutByTheRelativeEnd() {
        // 25 dB softer than the loud start, within the 30 dB end drop: still speech, one utterance
        Line line = new Line().noise(60, -65).talk(3, -10, -65).noise(5, -65).talk(4, -35, -65);
        int speechEnd = line.size();
        line.noise(60, -65);
        assertEndsWithinTheHangover(line, speechEnd);
    }

    @Test
    void steadyNoiseAloneNeverStartsAnUtterance() {
        // from the call's first frame (before any floor is measured), and after digital silence
        assertThat(new Line().noise(500, -45).through(live())).containsOnly(Decision.SILENCE);
        assertThat(new Line().silence(150).noise(500, -45).through(live())).containsOnly(Decision.SILENCE);
        assertThat(new Line().noise(500, -35).through(live())).containsOnly(Decision.SILENCE);
    }

    @Test
    void aCallThatStartsWithSpeechIsHeard() {
        Line line = new Line().talk(6, -20, -70).noise(60, -70);
        List<Decision> d = line.through(live());
        onlyEnd(d);
        assertThat(d.indexOf(Decision.START)).isLessThan(15); // within 300 ms: the pre-roll covers the rest
    }

    /** The line's one utterance ends within the hangover (plus two frames) of its last word, frame {@code speechEnd - 1}. */
    private static void assertEndsWithinTheHangover(Line line, int speechEnd) {
        int end = onlyEnd(line.through(live()));
        assertThat(end - speechEnd + 1).as("frames from the last word to the end")
                .isBetween(1, (int) (HANGOVER_MS / 20) + 2);
    }
}
