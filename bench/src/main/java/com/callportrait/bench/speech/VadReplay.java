package com.callportrait.bench.speech;

import com.callportrait.speech.asr.AsrOptions;
import com.callportrait.speech.audio.VoiceActivityDetector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * When the live path's voice-activity detector closes each spoken clip of the
 * {@code asr-capacity} caller timelines ({@code asr-vad}), for several hangovers: the part of
 * the final latency that is not recognition. Replays the very timelines of
 * {@link CapacityBenchmark} (same seed, levels and lengths) through a {@link VoiceActivityDetector}
 * set as the live path sets it ({@link AsrOptions#vadSettings()}, so the {@code CP_ASR_*}
 * variables apply), without sockets or Vosk, and reports per hangover the VAD utterances per
 * clip (splits), the clips joined to the next one across the pause, and the delay from the end
 * of speech (last 10 ms above -40 dBFS) to the VAD's end; optionally per clip. Single use; not
 * thread-safe.
 */
public final class VadReplay {
    private static final int FRAME_MS = 20;

    private VadReplay() {
    }

    public static void run(AsrOptions live, CapacityBenchmark.Config cfg, int[] hangoversMs, boolean perClip) {
        HumanSet set = HumanSet.load(cfg.rate());
        int perFrame = cfg.rate() / 50;
        int frames = cfg.seconds() * 1000 / FRAME_MS;
        VoiceActivityDetector.Settings vs = live.vadSettings();
        System.out.printf("VAD: min speech %.0f dBFS, margin %.0f dB, onset %d frames, end drop %s, high-pass %s;"
                        + " line noise %s%n", vs.minSpeechDbfs(), vs.marginDb(), vs.onsetFrames(),
                vs.endDropDb() > 0 ? vs.endDropDb() + " dB" : "off", vs.highPassHz() > 0 ? vs.highPassHz() + " Hz" : "off",
                Double.isNaN(cfg.lineNoiseDbfs()) ? "none" : cfg.lineNoiseDbfs() + " dBFS");
        List<String> rows = new ArrayList<>();
        for (int hangover : hangoversMs) {
            VoiceActivityDetector.Settings settings = new VoiceActivityDetector.Settings(vs.minSpeechDbfs(),
                    vs.marginDb(), vs.onsetFrames(), hangover, vs.endDropDb(), vs.highPassHz());
            List<Double> delays = new ArrayList<>();
            Map<String, List<Double>> byClip = new TreeMap<>();
            int clips = 0;
            int utterances = 0;
            int joined = 0;
            for (int lines : cfg.levels()) {
                for (int c = 0; c < lines; c++) {
                    List<CapacityBenchmark.Call> calls = new ArrayList<>();
                    short[] pcm = CapacityBenchmark.timeline(new Random(cfg.seed() + 1000L * lines + c), set, cfg,
                            frames, perFrame, calls);
                    for (CapacityBenchmark.Call call : calls) {
                        List<double[]> spans = vad(pcm, call, perFrame, settings);
                        utterances += spans.size();
                        List<CapacityBenchmark.Segment> segs = call.segments();
                        for (int i = 0; i < segs.size(); i++) {
                            CapacityBenchmark.Segment s = segs.get(i);
                            clips++;
                            double end = Double.NaN;
                            boolean join = false;
                            for (double[] u : spans) {
                                if (u[0] < s.end() && u[1] > s.start()) {
                                    end = u[1];
                                    join |= i + 1 < segs.size() && u[1] > segs.get(i + 1).start();
                                }
                            }
                            joined += join ? 1 : 0;
                            double delay = (end - s.end()) * 1000;
                            delays.add(delay);
                            byClip.computeIfAbsent(s.clip().id(), k -> new ArrayList<>()).add(delay);
                        }
                    }
                }
            }
            Collections.sort(delays);
            rows.add(String.format("| %d | %d | %.2f | %d | %.0f / %.0f / %.0f |", hangover, clips,
                    utterances / (double) clips, joined, pct(delays, 50), pct(delays, 90), pct(delays, 95)));
            if (perClip) {
                System.out.printf("hangover %d ms, VAD end after speech end by clip:%n", hangover);
                System.out.println("| clip | spoken | p50 ms | p95 ms | max ms |");
                System.out.println("| --- | ---: | ---: | ---: | ---: |");
                byClip.forEach((id, v) -> {
                    Collections.sort(v);
                    System.out.printf("| %s | %d | %.0f | %.0f | %.0f |%n", id, v.size(), pct(v, 50), pct(v, 95),
                            v.get(v.size() - 1));
                });
                System.out.println();
            }
        }
        System.out.println("| hangover ms | spoken clips | VAD utterances per clip | clips joined to the next "
                + "| VAD end after speech end p50 / p90 / p95 ms |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: |");
        rows.forEach(System.out::println);
    }

    /** The VAD's utterances of one call, as [start, end] seconds from the call's start. */
    private static List<double[]> vad(short[] pcm, CapacityBenchmark.Call call, int perFrame,
                                      VoiceActivityDetector.Settings settings) {
        VoiceActivityDetector vad = new VoiceActivityDetector(settings);
        List<double[]> spans = new ArrayList<>();
        double start = -1;
        for (int k = call.startFrame(); k < call.endFrame(); k++) {
            short[] frame = Arrays.copyOfRange(pcm, k * perFrame, (k + 1) * perFrame);
            VoiceActivityDetector.Decision d = vad.accept(frame, perFrame, FRAME_MS);
            double t = (k + 1 - call.startFrame()) * FRAME_MS / 1000.0;
            if (d == VoiceActivityDetector.Decision.START) {
                start = t;
            } else if (d == VoiceActivityDetector.Decision.END) {
                spans.add(new double[] {start, t});
                start = -1;
            }
        }
        if (start >= 0) {
            spans.add(new double[] {start, (call.endFrame() - call.startFrame()) * FRAME_MS / 1000.0});
        }
        return spans;
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
