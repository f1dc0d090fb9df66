package com.callportrait.bench.speech;

import com.callportrait.speech.audio.AudioFiles;
import com.callportrait.speech.audio.PolyphaseResampler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The human-speech clips of {@code speech/src/test/benchmark/human} (see its README for sources
 * and licences), at 16 kHz or converted to 8 kHz as a telephone leg would carry them. Immutable.
 */
record HumanSet(List<Clip> clips) {

    /** One recording: its samples at the set's rate, where its speech starts and ends, what is said. */
    record Clip(String id, short[] samples, int rate, double speechStart, double speechEnd, String text) {
        double seconds() {
            return samples.length / (double) rate;
        }
    }

    static HumanSet load(int rate) {
        Path dir = BenchSet.module("src/test/benchmark/human");
        try {
            List<Clip> clips = new ArrayList<>();
            List<String> lines = Files.readAllLines(dir.resolve("transcripts.tsv"));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t");
                AudioFiles.Pcm16 pcm = AudioFiles.read(dir.resolve(f[0] + ".wav"));
                short[] s = pcm.samples();
                if (pcm.rate() != rate) {
                    float[] converted = new PolyphaseResampler(pcm.rate(), rate).process(s, s.length);
                    s = new short[converted.length];
                    for (int i = 0; i < s.length; i++) {
                        s[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(converted[i])));
                    }
                }
                clips.add(clip(f[0], s, rate, f[3]));
            }
            return new HumanSet(List.copyOf(clips));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where speech starts and ends inside a clip: first/last 10 ms above -40 dBFS. */
    static Clip clip(String id, short[] s, int rate, String text) {
        int win = rate / 100;
        int first = -1;
        int last = -1;
        for (int i = 0; i + win <= s.length; i += win) {
            double sum = 0;
            for (int j = i; j < i + win; j++) {
                sum += (double) s[j] * s[j];
            }
            if (Math.sqrt(sum / win) > 328) {
                last = i + win;
                if (first < 0) {
                    first = i;
                }
            }
        }
        return new Clip(id, s, rate, Math.max(0, first) / (double) rate, Math.max(first, last) / (double) rate, text);
    }
}
