package com.callportrait.bench.speech;

import com.callportrait.speech.asr.AsrOptions;
import com.callportrait.speech.asr.RecognizedText;
import com.callportrait.speech.asr.StreamingRecognizer;
import com.callportrait.speech.audio.PolyphaseResampler;
import com.callportrait.speech.audiosocket.AudioSocketOptions;
import com.callportrait.speech.audiosocket.SlinRate;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * How many concurrent talking callers the live path transcribes in real time
 * ({@code asr-capacity}). Each caller line is a real TCP AudioSocket connection to the server,
 * sending 20 ms frames in real time (kind {@code 0x12} at 16 kHz, or {@code 0x10} at 8 kHz), of
 * human speech (see {@link HumanSet}) with pauses so that the caller speaks about
 * {@code speech} of the time; each line plays calls of about {@code callSeconds} one after the
 * other (hang up, new UUID), as a call centre's lines do, so the cost of starting a call is in
 * the figures. Per level: frames shed, final latency (end of speech to the final result at a
 * listener), first partial (start of speech to the first partial), WER against the reference and
 * against an offline decode of the same clips, CPU. Single use; not thread-safe.
 */
public final class CapacityBenchmark {
    private static final int FRAME_MS = 20;
    private static final double MIN_PAUSE_S = 0.6;

    /**
     * One run's settings.
     *
     * @param warmupSeconds an unreported level of the largest caller count run first, so that the
     *                      recognisers the levels lease have decoded speech before (0: none)
     * @param lineNoiseDbfs steady white noise at this RMS level laid under each line's whole
     *                      timeline, pauses and speech alike, as a real line's hiss or room tone
     *                      (NaN: none, only the timeline's own -78 dBFS between clips)
     */
    public record Config(int[] levels, int seconds, int rate, double speech, int callSeconds, long seed,
                         int warmupSeconds, double lineNoiseDbfs) {
    }

    /** CPU by who spends it, over one level. */
    record CpuSplit(double recognition, double netty, double callers, double total) {
    }

    record Segment(double start, double end, HumanSet.Clip clip) {
    }

    /** One call on a line: frames [startFrame, endFrame) of the line's timeline. */
    record Call(int startFrame, int endFrame, UUID id, List<Segment> segments) {
    }

    record Received(long nanos, TranscriptEvent event) {
    }

    private CapacityBenchmark() {
    }

    public static void run(AsrOptions configured, Config cfg) throws Exception {
        SlinRate rate = SlinRate.ofHz(cfg.rate()).orElseThrow(() -> new IllegalArgumentException(
                "--rate must be an AudioSocket rate (8000 or 16000), was " + cfg.rate()));
        HumanSet set = HumanSet.load(rate.hz());
        AsrOptions options = configured;
        if (options.modelDir().isEmpty()) {
            options = options.withModelDir(BenchSet.module("target/classes/vosk/model-en-us"));
        }
        Map<String, List<Received>> received = new ConcurrentHashMap<>();
        List<String> rows = new ArrayList<>();
        long built0 = System.nanoTime();
        // the final-latency histogram kept for the whole run (not a rotating 2-minute window), so
        // that a level's figures are the difference of two snapshots
        io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        registry.config().meterFilter(new io.micrometer.core.instrument.config.MeterFilter() {
            @Override
            public io.micrometer.core.instrument.distribution.DistributionStatisticConfig configure(
                    io.micrometer.core.instrument.Meter.Id id,
                    io.micrometer.core.instrument.distribution.DistributionStatisticConfig config) {
                return io.micrometer.core.instrument.distribution.DistributionStatisticConfig.builder()
                        .expiry(java.time.Duration.ofDays(1)).bufferLength(1).serviceLevelObjectives(latencyBuckets()).build().merge(config);
            }
        });
        try (SpeechEngine engine = SpeechEngine.builder().options(options).meterRegistry(registry)
                .emotionScorer(AsrOnly.SCORER).voiceAnalyzers(AsrOnly.DurationAnalyzer::new)
                .redactor(text -> text).build()) {
            long readyMs = (System.nanoTime() - built0) / 1_000_000;
            Map<String, String> offline = offline(engine, set, cfg.lineNoiseDbfs());
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
            System.out.printf("human speech (%d clips), %s (kind 0x%02x), %d workers, %d cores, %d s per level, "
                            + "speech %.0f %%, calls of ~%d s, line noise %s; recognisers: %s; engine ready in %d ms; "
                            + "load average %.1f%n",
                    set.clips().size(), rate, rate.kind(), options.workers(), Runtime.getRuntime().availableProcessors(),
                    cfg.seconds(), 100 * cfg.speech(), cfg.callSeconds(),
                    Double.isNaN(cfg.lineNoiseDbfs()) ? "none" : cfg.lineNoiseDbfs() + " dBFS", options.recognizers(),
                    readyMs, loadAverage());
            if (cfg.warmupSeconds() > 0) {
                int most = java.util.Arrays.stream(cfg.levels()).max().orElse(1);
                Config warm = new Config(cfg.levels(), cfg.warmupSeconds(), cfg.rate(), cfg.speech(),
                        cfg.callSeconds(), cfg.seed() + 7919, 0, cfg.lineNoiseDbfs());
                System.out.println("warm-up level (not reported): " + level(engine, port, most, warm, rate, set,
                        offline, received));
            }
            for (int lines : cfg.levels()) {
                received.clear();
                rows.add(level(engine, port, lines, cfg, rate, set, offline, received));
                System.out.println(rows.get(rows.size() - 1));
            }
        }
        System.out.println();
        System.out.println("| callers | speech % | calls | utterances | no final | frames shed | partials dropped "
                + "| final p50 ms | final p95 ms | 1st partial p50 ms | WER % | offline WER % | CPU % of cores "
                + "| CPU-s per speech-s | recognisers created | load avg | finals per utterance "
                + "| engine final p50 ms | engine final p95 ms | decoded s per speech s | recognition CPU % | recognition CPU-s per decoded s | Netty CPU % "
                + "| callers CPU % |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
                + "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        rows.forEach(System.out::println);
    }

    /**
     * Each clip decoded whole by a new recogniser, through the same rate conversion as the live
     * path, with the same line noise (another draw of it) when the run lays one under the lines.
     */
    private static Map<String, String> offline(SpeechEngine engine, HumanSet set, double lineNoiseDbfs) {
        Map<String, String> hyp = new HashMap<>();
        Random hiss = new Random(4242);
        for (HumanSet.Clip clip : set.clips()) {
            short[] samples = clip.samples();
            if (!Double.isNaN(lineNoiseDbfs)) {
                double sigma = 32768 * Math.pow(10, lineNoiseDbfs / 20);
                samples = samples.clone();
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE,
                            Math.round(samples[i] + hiss.nextGaussian() * sigma)));
                }
            }
            float[] in = new PolyphaseResampler(clip.rate(), engine.model().sampleRate())
                    .process(samples, samples.length);
            try (StreamingRecognizer r = new StreamingRecognizer(engine.model())) {
                StringBuilder text = new StringBuilder();
                int step = engine.model().sampleRate() / 10;
                for (int at = 0; at < in.length; at += step) {
                    float[] chunk = java.util.Arrays.copyOfRange(in, at, Math.min(in.length, at + step));
                    if (r.accept(chunk, chunk.length)) {
                        text.append(r.result().text()).append(' ');
                    }
                }
                RecognizedText last = r.finish();
                hyp.put(clip.id(), text.append(last.text()).toString().trim());
            }
        }
        return hyp;
    }

    private static String level(SpeechEngine engine, int port, int lines, Config cfg, SlinRate rate, HumanSet set,
                                Map<String, String> offline, Map<String, List<Received>> received) throws Exception {
        int frames = cfg.seconds() * 1000 / FRAME_MS;
        int perFrame = rate.hz() / 50;
        List<short[]> audio = new ArrayList<>();
        List<List<Call>> calls = new ArrayList<>();
        double speech = 0;
        for (int c = 0; c < lines; c++) {
            List<Call> lineCalls = new ArrayList<>();
            audio.add(timeline(new Random(cfg.seed() + 1000L * lines + c), set, cfg, frames, perFrame, lineCalls));
            calls.add(lineCalls);
            for (Call call : lineCalls) {
                speech += call.segments().stream().mapToDouble(s -> s.end() - s.start()).sum();
            }
        }
        double shed0 = engine.metrics().shedCount();
        double dropped0 = engine.metrics().partialsDroppedCount();
        double created0 = counter(engine, "cp.speech.recognizers.created");
        double decoded0 = engine.metrics().decodedSecondsCount();
        Map<Long, Long> threads0 = threadCpu();
        io.micrometer.core.instrument.distribution.CountAtBucket[] engineFinal0 = finalLatencyBuckets(engine);
        Socket[] sockets = new Socket[lines];
        OutputStream[] outs = new OutputStream[lines];
        int[] next = new int[lines]; // index of the line's next call
        long cpu0 = cpuNanos();
        long start = System.nanoTime() + 200_000_000L;
        long frameNanos = FRAME_MS * 1_000_000L;
        byte[] frame = new byte[3 + perFrame * 2];
        ByteBuffer fb = ByteBuffer.wrap(frame);
        for (int k = 0; k < frames; k++) {
            for (int c = 0; c < lines; c++) {
                long due = start + k * frameNanos + c * frameNanos / lines; // lines staggered within a frame
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                List<Call> lineCalls = calls.get(c);
                if (sockets[c] != null && k == lineCalls.get(next[c] - 1).endFrame()) {
                    sockets[c].close(); // Asterisk hangs up by closing the connection
                    sockets[c] = null;
                }
                if (next[c] < lineCalls.size() && k == lineCalls.get(next[c]).startFrame()) {
                    UUID id = lineCalls.get(next[c]++).id();
                    sockets[c] = new Socket("127.0.0.1", port);
                    sockets[c].setTcpNoDelay(true);
                    outs[c] = sockets[c].getOutputStream();
                    outs[c].write(ByteBuffer.allocate(19).put((byte) 1).putShort((short) 16)
                            .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array());
                }
                if (sockets[c] != null) {
                    fb.clear();
                    fb.order(ByteOrder.BIG_ENDIAN).put((byte) rate.kind()).putShort((short) (perFrame * 2));
                    fb.order(ByteOrder.LITTLE_ENDIAN);
                    short[] a = audio.get(c);
                    for (int i = 0; i < perFrame; i++) {
                        fb.putShort(a[k * perFrame + i]);
                    }
                    outs[c].write(frame);
                }
            }
        }
        double cpuSeconds = (cpuNanos() - cpu0) / 1e9;
        CpuSplit split = split(threads0, threadCpu(), cpuSeconds);
        double cpu = cpuSeconds / (cfg.seconds() * (double) Runtime.getRuntime().availableProcessors());
        double load = loadAverage();
        for (Socket s : sockets) {
            if (s != null) {
                s.close();
            }
        }
        long until = System.nanoTime() + 60_000_000_000L;
        while (engine.activeCalls() > 0 && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        double decoded = engine.metrics().decodedSecondsCount() - decoded0;
        io.micrometer.core.instrument.distribution.CountAtBucket[] engineFinal1 = finalLatencyBuckets(engine);
        return row(engine, lines, cfg, calls, received, offline, start, frameNanos, speech, cpu, cpuSeconds, load,
                engine.metrics().shedCount() - shed0, engine.metrics().partialsDroppedCount() - dropped0,
                counter(engine, "cp.speech.recognizers.created") - created0)
                + String.format(" %.0f | %.0f | %.2f | %.0f | %.3f | %.1f | %.1f |",
                bucketPercentile(engineFinal0, engineFinal1, 50), bucketPercentile(engineFinal0, engineFinal1, 95),
                decoded / speech,
                100 * split.recognition() / (cfg.seconds() * cores()), split.recognition() / decoded,
                100 * split.netty() / (cfg.seconds() * cores()), 100 * split.callers() / (cfg.seconds() * cores()));
    }

    private static String row(SpeechEngine engine, int lines, Config cfg, List<List<Call>> calls,
                              Map<String, List<Received>> received, Map<String, String> offline, long start,
                              long frameNanos, double speech, double cpu, double cpuSeconds, double load, double shed,
                              double dropped, double created) {
        List<Double> finals = new ArrayList<>();
        List<Double> partials = new ArrayList<>();
        int missing = 0;
        int callCount = 0;
        int finalCount = 0; // finals that overlap a spoken clip: above 1 per clip = utterances split
        Wer.Tally wer = new Wer.Tally();
        Wer.Tally werOffline = new Wer.Tally();
        for (int c = 0; c < lines; c++) {
            for (Call call : calls.get(c)) {
                callCount++;
                long callStart = start + call.startFrame() * frameNanos + c * frameNanos / lines;
                List<Received> got = received.getOrDefault(call.id().toString(), List.of());
                for (Segment seg : call.segments()) {
                    long lastFinal = -1;
                    long firstPartial = -1;
                    StringBuilder text = new StringBuilder();
                    for (Received r : got) {
                        TranscriptEvent e = r.event();
                        if (!(e.startSec() < seg.end() + 0.25 && e.endSec() > seg.start() - 0.25)) {
                            continue;
                        }
                        if (e.isFinal()) {
                            finalCount++;
                            lastFinal = Math.max(lastFinal, r.nanos());
                            text.append(e.text()).append(' ');
                        } else if (firstPartial < 0) {
                            firstPartial = r.nanos();
                        }
                    }
                    wer.add(seg.clip().text(), text.toString());
                    werOffline.add(seg.clip().text(), offline.get(seg.clip().id()));
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
        }
        return String.format("| %d | %.0f | %d | %d | %d | %.0f | %.0f | %.0f | %.0f | %.0f | %.1f | %.1f | %.0f | %.3f "
                        + "| %.0f | %.1f | %.2f |",
                lines, 100 * speech / (lines * (double) cfg.seconds()), callCount, finals.size() + missing, missing,
                shed, dropped, pct(finals, 50), pct(finals, 95), pct(partials, 50), wer.percent(),
                werOffline.percent(), 100 * cpu, cpuSeconds / speech, created, load,
                finalCount / (double) Math.max(1, finals.size() + missing));
    }

    /**
     * One line's audio: calls of about {@code callSeconds} back to back; in each, clips of the set
     * in random order separated by pauses sized so the caller speaks about {@code speech} of the
     * time (never under {@value #MIN_PAUSE_S} s, so the VAD closes each utterance), on low line noise
     * (-78 dBFS between the clips), plus steady noise under everything when {@code cfg} asks for it.
     */
    static short[] timeline(Random random, HumanSet set, Config cfg, int frames, int perFrame,
                                    List<Call> out) {
        int rate = perFrame * 50;
        short[] pcm = new short[frames * perFrame];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) (random.nextGaussian() * 4);
        }
        int frame = random.nextInt(50); // lines do not all ring in the same 20 ms
        while (frame < frames - 5 * 50) {
            int length = Math.min(frames - frame, (int) (cfg.callSeconds() * 50 * (0.5 + random.nextDouble())));
            int end = frame + length;
            List<Segment> segs = new ArrayList<>();
            double t = 0.5 + random.nextDouble(); // the caller's first words, seconds into the call
            double spokenUntil = 0; // end of the last clip's speech
            double callEnd = length / 50.0;
            while (true) {
                HumanSet.Clip clip = null;
                double at = 0;
                for (int tries = 0; tries < 8 && clip == null; tries++) { // a clip that still fits the call
                    HumanSet.Clip c = set.clips().get(random.nextInt(set.clips().size()));
                    // its silent lead-in may cover the previous clip's silent tail, never its speech
                    double a = Math.max(spokenUntil + 0.02, t - c.speechStart());
                    if (a + c.seconds() <= callEnd - 0.3) {
                        clip = c;
                        at = a;
                    }
                }
                if (clip == null) {
                    break;
                }
                int offset = frame * perFrame + (int) Math.round(at * rate);
                System.arraycopy(clip.samples(), 0, pcm, offset, clip.samples().length);
                double spoken = clip.speechEnd() - clip.speechStart();
                segs.add(new Segment(at + clip.speechStart(), at + clip.speechEnd(), clip));
                spokenUntil = at + clip.speechEnd();
                double pause = Math.max(MIN_PAUSE_S, spoken * (1 - cfg.speech()) / cfg.speech()
                        * (0.6 + 0.8 * random.nextDouble()));
                t = spokenUntil + pause;
            }
            out.add(new Call(frame, end, UUID.randomUUID(), segs));
            frame = end;
        }
        if (!Double.isNaN(cfg.lineNoiseDbfs())) {
            // its own generator: the clips, pauses and calls stay those of the timeline without it
            Random hiss = new Random(random.nextLong() ^ 0x5DEECE66DL);
            double sigma = 32768 * Math.pow(10, cfg.lineNoiseDbfs() / 20);
            for (int i = 0; i < pcm.length; i++) {
                pcm[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE,
                        Math.round(pcm[i] + hiss.nextGaussian() * sigma)));
            }
        }
        return pcm;
    }

    /** 25 ms buckets to 1 s, 100 ms to 3 s, 500 ms to 10 s (nanoseconds): fine enough for the p50/p95 columns. */
    private static double[] latencyBuckets() {
        java.util.List<Double> b = new java.util.ArrayList<>();
        for (int ms = 25; ms <= 1000; ms += 25) {
            b.add(ms * 1e6);
        }
        for (int ms = 1100; ms <= 3000; ms += 100) {
            b.add(ms * 1e6);
        }
        for (int ms = 3500; ms <= 10000; ms += 500) {
            b.add(ms * 1e6);
        }
        return b.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The engine's own final latency histogram (VAD end frame's arrival to the final result), cumulative buckets. */
    private static io.micrometer.core.instrument.distribution.CountAtBucket[] finalLatencyBuckets(SpeechEngine engine) {
        var t = engine.metrics().registry().find("cp.speech.final.latency").timer();
        return t == null ? new io.micrometer.core.instrument.distribution.CountAtBucket[0]
                : t.takeSnapshot().histogramCounts();
    }

    /**
     * The upper bound (ms) of the bucket holding the {@code p}th percentile of what was recorded
     * between two snapshots (bucket counts may come per bucket or cumulative: both are handled).
     */
    private static double bucketPercentile(io.micrometer.core.instrument.distribution.CountAtBucket[] before,
                                           io.micrometer.core.instrument.distribution.CountAtBucket[] after, int p) {
        if (after.length == 0 || before.length != after.length) {
            return Double.NaN;
        }
        double[] d = new double[after.length];
        boolean cumulative = true;
        for (int i = 0; i < d.length; i++) {
            d[i] = after[i].count() - before[i].count();
            cumulative &= i == 0 || after[i].count() >= after[i - 1].count();
        }
        if (!cumulative) {
            for (int i = 1; i < d.length; i++) {
                d[i] += d[i - 1];
            }
        }
        double total = d[d.length - 1];
        if (total <= 0) {
            return Double.NaN;
        }
        for (int i = 0; i < d.length; i++) {
            if (d[i] >= p / 100.0 * total) {
                return after[i].bucket(java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }
        return Double.NaN;
    }

    /** CPU time of every live thread of this JVM, by thread id. */
    private static Map<Long, Long> threadCpu() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : mx.getAllThreadIds()) {
            long t = mx.getThreadCpuTime(id);
            if (t >= 0) {
                cpu.put(id, t);
            }
        }
        return cpu;
    }

    /**
     * The level's CPU by thread group: the recognition pool ({@code cp-asr-*}), the AudioSocket
     * server's Netty event loops, and this benchmark's caller side (the thread that writes every
     * line's frames, the one calling this). Threads that ended during the level are in the total only.
     */
    private static CpuSplit split(Map<Long, Long> before, Map<Long, Long> after, double totalSeconds) {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().getId();
        double recognition = 0;
        double netty = 0;
        double callers = 0;
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            java.lang.management.ThreadInfo info = mx.getThreadInfo(e.getKey());
            if (info == null) {
                continue;
            }
            double s = (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1e9;
            String name = info.getThreadName();
            if (name.startsWith("cp-asr")) {
                recognition += s;
            } else if (name.contains("EventLoop") || name.contains("audiosocket")) {
                netty += s;
            } else if (e.getKey() == me) {
                callers += s;
            }
        }
        return new CpuSplit(recognition, netty, callers, totalSeconds);
    }

    private static double cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static double counter(SpeechEngine engine, String name) {
        var c = engine.metrics().registry().find(name).counter();
        return c == null ? 0 : c.count();
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
