package com.callportrait.bench.speech;

import com.callportrait.speech.asr.AsrOptions;
import com.callportrait.speech.audio.AudioFiles;
import com.callportrait.speech.audiosocket.AudioSocketOptions;
import com.callportrait.speech.pipeline.EmotionEvent;
import com.callportrait.speech.pipeline.SpeechEngine;
import com.callportrait.speech.pipeline.SpeechListener;
import com.callportrait.speech.pipeline.TranscriptEvent;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * How many concurrent calls the live path transcribes in real time: N calls stream AudioSocket
 * frames in real time over real TCP connections to the server (about half speech: utterances of
 * the telephone set separated by pauses as long as themselves), and for every utterance it
 * measures the time from the end of speech to the final result reaching a listener
 * ({@code asr-capacity}). Model: CP_VOSK_MODEL, else the build's copy under
 * {@code speech/target/classes}. Prints one Markdown row per level. Single use; not thread-safe.
 */
public final class CapacityBenchmark {
    private static final int FRAME_MS = 20;

    record Segment(double start, double end, String text) {
    }

    record Received(long nanos, TranscriptEvent event) {
    }

    record Clip(short[] samples, double speechStart, double speechEnd, String text) {
    }

    private CapacityBenchmark() {
    }

    /**
     * Runs {@code seconds} of real-time calls at each level of concurrent {@code levels} with the
     * {@code configured} recognition options (the bundled model when they name none).
     */
    public static void run(AsrOptions configured, int[] levels, int seconds) throws Exception {
        BenchSet set = BenchSet.load(BenchSet.module("src/test/benchmark/telephone"), 100000);
        List<Clip> clips = new ArrayList<>();
        for (BenchSet.Item item : set.items()) {
            clips.add(clip(AudioFiles.read(item.telephone()).samples(), item.text()));
        }
        AsrOptions options = configured;
        if (options.modelDir().isEmpty()) {
            options = options.withModelDir(BenchSet.module("target/classes/vosk/model-en-us"));
        }
        Map<String, List<Received>> received = new ConcurrentHashMap<>();
        List<String> rows = new ArrayList<>();
        try (SpeechEngine engine = SpeechEngine.builder().options(options)
                .emotionScorer(AsrOnly.SCORER).voiceAnalyzers(AsrOnly.DurationAnalyzer::new)
                .redactor(text -> text).build()) {
            engine.addListener(new SpeechListener() {
                @Override
                public void onTranscript(TranscriptEvent e) {
                    received.computeIfAbsent(e.callId(), k -> new CopyOnWriteArrayList<>())
                            .add(new Received(System.nanoTime(), e));
                }

                @Override
                public void onEmotion(EmotionEvent event) {
                }
            });
            int port = engine.startAudioSocket(AudioSocketOptions.defaults().withHost("127.0.0.1").withPort(0)).port();
            System.out.printf("%d workers, %d cores, %d s per level, load average %.1f%n", options.workers(),
                    Runtime.getRuntime().availableProcessors(), seconds, loadAverage());
            for (int calls : levels) {
                received.clear();
                rows.add(level(engine, port, calls, seconds, clips, received));
                System.out.println(rows.get(rows.size() - 1));
            }
        }
        System.out.println();
        System.out.println("| calls | speech % | utterances | no final | final p50 ms | final p95 ms | final max ms "
                + "| 1st partial p50 ms | 1st partial p95 ms | WER % | frames shed | partials dropped | CPU % of 2 cores "
                + "| load avg |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        rows.forEach(System.out::println);
    }

    private static String level(SpeechEngine engine, int port, int calls, int seconds, List<Clip> clips,
                                Map<String, List<Received>> received) throws Exception {
        int frames = seconds * 1000 / FRAME_MS;
        List<byte[][]> audio = new ArrayList<>();
        List<List<Segment>> segments = new ArrayList<>();
        double speech = 0;
        for (int c = 0; c < calls; c++) {
            List<Segment> segs = new ArrayList<>();
            short[] pcm = timeline(new Random(1000 + c), clips, frames * 160, segs);
            segments.add(segs);
            speech += segs.stream().mapToDouble(s -> s.end() - s.start()).sum();
            byte[][] f = new byte[frames][];
            for (int k = 0; k < frames; k++) {
                ByteBuffer b = ByteBuffer.allocate(323).put((byte) 0x10).putShort((short) 320);
                b.order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < 160; i++) {
                    b.putShort(pcm[k * 160 + i]);
                }
                f[k] = b.array();
            }
            audio.add(f);
        }
        double shed0 = engine.metrics().shedCount();
        double dropped0 = engine.metrics().partialsDroppedCount();
        List<Socket> sockets = new ArrayList<>();
        List<OutputStream> outs = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < calls; c++) {
            Socket s = new Socket("127.0.0.1", port);
            s.setTcpNoDelay(true);
            UUID id = UUID.randomUUID();
            ids.add(id.toString());
            s.getOutputStream().write(ByteBuffer.allocate(19).put((byte) 1).putShort((short) 16)
                    .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array());
            sockets.add(s);
            outs.add(s.getOutputStream());
        }
        long cpu0 = cpuNanos();
        long start = System.nanoTime() + 200_000_000L;
        long frameNanos = FRAME_MS * 1_000_000L;
        for (int k = 0; k < frames; k++) {
            for (int c = 0; c < calls; c++) {
                long due = start + k * frameNanos + c * frameNanos / calls; // calls staggered within a frame
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                outs.get(c).write(audio.get(c)[k]);
            }
        }
        double cpu = (cpuNanos() - cpu0) / 1e9 / (seconds * (double) Runtime.getRuntime().availableProcessors());
        double load = loadAverage();
        for (Socket s : sockets) {
            s.close(); // Asterisk hangs up
        }
        long until = System.nanoTime() + 60_000_000_000L;
        while (engine.activeCalls() > 0 && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        List<Double> finals = new ArrayList<>();
        List<Double> partials = new ArrayList<>();
        int missing = 0;
        Wer.Tally wer = new Wer.Tally();
        for (int c = 0; c < calls; c++) {
            long callStart = start + c * frameNanos / calls;
            List<Received> got = received.getOrDefault(ids.get(c), List.of());
            for (Segment seg : segments.get(c)) {
                if (seg.end() > seconds - 1.0) {
                    continue; // cut by the end of the run
                }
                long lastFinal = -1;
                long firstPartial = -1;
                StringBuilder text = new StringBuilder();
                for (Received r : got) {
                    TranscriptEvent e = r.event();
                    boolean overlaps = e.startSec() < seg.end() + 0.25 && e.endSec() > seg.start() - 0.25;
                    if (!overlaps) {
                        continue;
                    }
                    if (e.isFinal()) {
                        lastFinal = Math.max(lastFinal, r.nanos());
                        text.append(e.text()).append(' ');
                    } else if (firstPartial < 0) {
                        firstPartial = r.nanos();
                    }
                }
                wer.add(seg.text(), text.toString());
                if (lastFinal < 0) {
                    missing++;
                } else {
                    finals.add((lastFinal - callStart - seg.end() * 1e9) / 1e6);
                }
                if (firstPartial >= 0) {
                    partials.add((firstPartial - callStart - seg.start() * 1e9) / 1e6);
                }
            }
        }
        return String.format("| %d | %.0f | %d | %d | %.0f | %.0f | %.0f | %.0f | %.0f | %.1f | %.0f | %.0f | %.0f | %.1f |",
                calls, 100 * speech / (calls * (double) seconds), finals.size() + missing, missing,
                pct(finals, 50), pct(finals, 95), pct(finals, 100), pct(partials, 50), pct(partials, 95),
                wer.percent(), engine.metrics().shedCount() - shed0,
                engine.metrics().partialsDroppedCount() - dropped0, 100 * cpu, load);
    }

    /** Utterances of the set, each followed by a pause about as long as itself, on low line noise. */
    private static short[] timeline(Random random, List<Clip> clips, int samples, List<Segment> segs) {
        short[] out = new short[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (short) (random.nextGaussian() * 4);
        }
        int at = 8000 / 2 + random.nextInt(8000 * 2);
        while (at < samples) {
            Clip clip = clips.get(random.nextInt(clips.size()));
            int n = Math.min(clip.samples().length, samples - at);
            System.arraycopy(clip.samples(), 0, out, at, n);
            if (n == clip.samples().length) {
                segs.add(new Segment(at / 8000.0 + clip.speechStart(), at / 8000.0 + clip.speechEnd(), clip.text()));
            }
            at += n + (int) (clip.samples().length * (0.7 + 0.6 * random.nextDouble()));
        }
        return out;
    }

    /** Where speech starts and ends inside a clip (first/last 10 ms above -40 dBFS). */
    private static Clip clip(short[] s, String text) {
        int first = -1;
        int last = -1;
        for (int i = 0; i + 80 <= s.length; i += 80) {
            double sum = 0;
            for (int j = i; j < i + 80; j++) {
                sum += (double) s[j] * s[j];
            }
            if (Math.sqrt(sum / 80) > 328) {
                last = i + 80;
                if (first < 0) {
                    first = i;
                }
            }
        }
        return new Clip(s, Math.max(0, first) / 8000.0, Math.max(first, last) / 8000.0, text);
    }

    private static double pct(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v[Math.min(v.length - 1, (int) Math.ceil(p / 100.0 * v.length) - 1)];
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
