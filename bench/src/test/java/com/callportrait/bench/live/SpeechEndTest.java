package com.callportrait.bench.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.simulator.audio.AudioCaller;
import org.junit.jupiter.api.Test;

class SpeechEndTest {
    /** {@code ms} of 8 kHz samples: a 440 Hz tone at {@code amplitude}, plus a faint hiss. */
    private static void fill(byte[] pcm, int fromMs, int toMs, int amplitude) {
        java.util.Random hiss = new java.util.Random(7);
        for (int i = fromMs * 8; i < toMs * 8; i++) {
            int s = (int) (amplitude * Math.sin(2 * Math.PI * 440 * i / 8000.0)) + hiss.nextInt(41) - 20;
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
    }

    @Test
    void speechEndsWhereTheLastLoudFrameEndsNotWhereTheNoiseDoes() {
        byte[] pcm = new byte[2 * 8 * 2000];
        fill(pcm, 0, 2000, 0);
        fill(pcm, 300, 800, 8000);
        fill(pcm, 1000, 1500, 3000);
        assertThat(SpeechEnd.millis(pcm)).isEqualTo(1500);
        assertThat(SpeechEnd.millis(new byte[3200])).isZero();
    }

    @Test
    void utterancesEndWhereAPauseOfThreeHundredMillisecondsBegins() {
        byte[] pcm = new byte[2 * 8 * 3000];
        fill(pcm, 0, 3000, 0);
        fill(pcm, 300, 800, 8000);
        fill(pcm, 1000, 1500, 3000);   // 200 ms after the first: the same utterance
        fill(pcm, 2000, 2600, 6000);   // 500 ms after: a second one
        assertThat(SpeechEnd.utteranceEnds(pcm)).containsExactly(1500, 2600);
        assertThat(SpeechEnd.millis(pcm)).isEqualTo(2600);
        assertThat(SpeechEnd.utteranceEnds(new byte[3200])).isEmpty();
    }

    @Test
    void theRecordedComplaintEndsBeforeItsRecordingDoes() {
        byte[] pcm = AudioCaller.bundledAudio();
        long end = SpeechEnd.millis(pcm);
        assertThat(end).isBetween(5_000L, pcm.length / 16L);
    }

    @Test
    void lineNoiseAfterTheRecordingIsNotSpeech() {
        byte[] pcm = AudioCaller.bundledAudio();
        byte[] padded = SpeechEnd.withLineNoise(pcm, 3000);
        assertThat(padded).hasSize(pcm.length + 48_000);
        assertThat(SpeechEnd.millis(padded)).isEqualTo(SpeechEnd.millis(pcm));
    }
}
