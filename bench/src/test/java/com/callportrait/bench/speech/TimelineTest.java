package com.callportrait.bench.speech;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.speech.audio.Pcm;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static CapacityBenchmark.Config config(double lineNoiseDbfs) {
        return new CapacityBenchmark.Config(new int[] {4}, 30, 16000, 0.82, 30, 1, 0, lineNoiseDbfs);
    }

    @Test
    void lineNoiseLiesUnderTheSameCallsAndClipsAtTheAskedLevel() {
        HumanSet set = HumanSet.load(16000);
        int perFrame = 320;
        int frames = 1500;
        List<CapacityBenchmark.Call> plain = new ArrayList<>();
        List<CapacityBenchmark.Call> noisy = new ArrayList<>();
        short[] quiet = CapacityBenchmark.timeline(new Random(5), set, config(Double.NaN), frames, perFrame, plain);
        short[] hiss = CapacityBenchmark.timeline(new Random(5), set, config(-50), frames, perFrame, noisy);

        // the same calls, clips and times: only the noise differs
        assertThat(noisy).hasSameSizeAs(plain);
        for (int i = 0; i < plain.size(); i++) {
            assertThat(noisy.get(i).startFrame()).isEqualTo(plain.get(i).startFrame());
            assertThat(noisy.get(i).segments()).isEqualTo(plain.get(i).segments());
        }
        // in the pauses the timeline's own -78 dBFS becomes the asked -50 dBFS
        int pauses = 0;
        for (int k = 0; k < frames; k++) {
            short[] a = java.util.Arrays.copyOfRange(quiet, k * perFrame, (k + 1) * perFrame);
            if (Pcm.dbfs(a, a.length) < -70) {
                short[] b = java.util.Arrays.copyOfRange(hiss, k * perFrame, (k + 1) * perFrame);
                assertThat(Pcm.dbfs(b, b.length)).isBetween(-51.5, -48.5);
                pauses++;
            }
        }
        assertThat(pauses).isGreaterThan(50);
    }
}
