package com.callportrait.bench.speech;

import com.callportrait.speech.asr.AsrOptions;
import com.callportrait.speech.asr.RecognizedText;
import com.callportrait.speech.asr.SpeechModel;
import com.callportrait.speech.asr.StreamingRecognizer;
import com.callportrait.speech.audio.AudioFiles;
import com.callportrait.speech.audio.PolyphaseResampler;
import com.callportrait.speech.pipeline.FileTranscriber;
import com.callportrait.speech.pipeline.SpeechEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Word error rate of the live path on the telephone-band set, next to offline decodes by the same
 * model ({@code asr-accuracy}). Run from the repository root after a build (the model is read from
 * {@code speech/target/classes}), with {@code bash speech/src/test/audio/make-testset.sh --wideband
 * speech/target/benchmark-wideband} first for the 16 kHz sources. Prints one line per decode, then
 * a Markdown table. Single use; not thread-safe.
 */
public final class AccuracyBenchmark {

    private AccuracyBenchmark() {
    }

    /**
     * @param configured the configured recognition options (CP_ASR_MAX_ACTIVE, CP_ASR_BEAM apply to the live rows)
     * @param limit    at most this many utterances
     * @param threads  decoding threads (and recognition workers of the live rows)
     * @param stride   every {@code stride}-th utterance (3 keeps every sentence and all four voices)
     * @param wideband where the 16 kHz sources are, {@code null} for the default
     * @param modelDirOrNull the Vosk model directory, {@code null} for the build's bundled copy
     * @param only     which rows: any of live, wide, tel, linear, kaldi
     */
    public static void run(AsrOptions configured, int limit, int threads, int stride, Path wideband, Path modelDirOrNull, String only) throws Exception {
        BenchSet set = BenchSet.load(BenchSet.module("src/test/benchmark/telephone"), limit, stride);
        Path wide = wideband != null ? wideband : BenchSet.module("target/benchmark-wideband");
        Path modelDir = modelDirOrNull != null ? modelDirOrNull : BenchSet.module("target/classes/vosk/model-en-us");
        System.out.printf("%d utterances, model %s, %d threads, %d cores%n", set.items().size(), modelDir, threads,
                Runtime.getRuntime().availableProcessors());
        List<String> rows = new ArrayList<>();
        // CP_ASR_MAX_ACTIVE / CP_ASR_BEAM in the environment apply to the live rows
        AsrOptions env = configured.withModelDir(modelDir).withWorkers(threads);
        if (only.contains("live")) {
            rows.add(live("live path (AudioSocket 8 kHz frames, polyphase resampler, VAD, streaming)"
                    + (env.maxActive() > 0 ? ", max-active " + env.maxActive() : "")
                    + (env.beam() > 0 ? ", beam " + env.beam() : ""), set,
                    SpeechEngine.builder().options(env), threads));
        }
        try (SpeechModel model = SpeechModel.load(modelDir)) {
            if (!only.contains("wide")) {
                System.out.println("skipping the wide-band row");
            } else if (Files.isDirectory(wide)) {
                rows.add(offline("offline, 16 kHz wide-band source (before the telephone channel)", set, threads,
                        item -> decode(model, AudioFiles.read(wide.resolve(item.id() + ".wav")), false)));
            } else {
                System.out.println("no " + wide + ": run make-testset.sh --wideband for the 16 kHz row");
            }
            if (only.contains("tel")) {
                rows.add(offline("offline, same telephone audio, whole file, polyphase to 16 kHz", set, threads,
                        item -> decode(model, AudioFiles.read(item.telephone()), false)));
            }
            if (only.contains("linear")) {
                rows.add(offline("offline, same telephone audio, linear interpolation (no anti-imaging filter)", set,
                        threads, item -> decode(model, AudioFiles.read(item.telephone()), true)));
            }
        }
        if (!only.contains("kaldi")) {
            printTable(rows);
            return;
        }
        Path shadow = allowUpsample(modelDir);
        try (SpeechModel kaldi = SpeechModel.load(shadow)) {
            AsrOptions options = AsrOptions.defaults().withModelDir(shadow).withWorkers(threads)
                    .withResampling(AsrOptions.Resampling.VOSK);
            rows.add(live("live path, Vosk/Kaldi's own resampler (Recognizer at 8000 Hz, --allow-upsample)", set,
                    SpeechEngine.builder().model(kaldi).options(options), threads));
        }
        printTable(rows);
    }

    private static void printTable(List<String> rows) {
        System.out.println();
        System.out.println("| decode | utterances | words | WER % | CPU s per audio s |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        rows.forEach(System.out::println);
    }

    private static String live(String name, BenchSet set, SpeechEngine.Builder builder, int threads) throws Exception {
        try (SpeechEngine engine = builder.emotionScorer(AsrOnly.SCORER)
                .voiceAnalyzers(AsrOnly.DurationAnalyzer::new).redactor(text -> text).build()) {
            FileTranscriber transcriber = new FileTranscriber(engine);
            return offline(name, set, threads, item -> {
                try {
                    return String.join(" ", transcriber.transcribe(item.telephone()).stream()
                            .map(FileTranscriber.UtteranceResult::text).toList());
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static String offline(String name, BenchSet set, int threads, Function<BenchSet.Item, String> decoder)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        List<Future<String>> results = new ArrayList<>();
        for (BenchSet.Item item : set.items()) {
            results.add(pool.submit(() -> decoder.apply(item)));
        }
        Wer.Tally tally = new Wer.Tally();
        double audio = 0;
        for (int i = 0; i < results.size(); i++) {
            BenchSet.Item item = set.items().get(i);
            String hyp = results.get(i).get();
            tally.add(item.text(), hyp);
            audio += AudioFiles.read(item.telephone()).seconds();
        }
        pool.shutdown();
        double cpu = (cpuNanos() - cpu0) / 1e9;
        System.out.printf("%-90s WER %.2f%% (%d words) in %.0f s%n", name, tally.percent(), tally.words(),
                (System.nanoTime() - t0) / 1e9);
        return String.format("| %s | %d | %d | %.2f | %.3f |", name, tally.utterances(), tally.words(),
                tally.percent(), cpu / audio);
    }

    /** Whole file, one recogniser, Vosk's own endpoints: the offline reference. */
    private static String decode(SpeechModel model, AudioFiles.Pcm16 audio, boolean linear) {
        float[] x = linear ? linear(audio.samples())
                : new PolyphaseResampler(audio.rate(), model.sampleRate()).process(audio.samples(),
                audio.samples().length);
        StringBuilder text = new StringBuilder();
        try (StreamingRecognizer r = new StreamingRecognizer(model)) {
            int step = model.sampleRate() / 5;
            for (int i = 0; i < x.length; i += step) {
                int n = Math.min(step, x.length - i);
                float[] chunk = java.util.Arrays.copyOfRange(x, i, i + n);
                if (r.accept(chunk, n)) {
                    text.append(r.result().text()).append(' ');
                }
            }
            RecognizedText last = r.finish();
            return text.append(last.text()).toString().trim();
        }
    }

    private static float[] linear(short[] s) {
        float[] out = new float[s.length * 2];
        for (int i = 0; i < s.length; i++) {
            out[2 * i] = s[i];
            out[2 * i + 1] = i + 1 < s.length ? (s[i] + s[i + 1]) / 2f : s[i];
        }
        return out;
    }

    /** A copy of the model's config (big files linked) that lets Kaldi upsample 8 kHz input. */
    private static Path allowUpsample(Path modelDir) throws Exception {
        Path shadow = BenchSet.module("target/model-allow-upsample");
        Files.createDirectories(shadow.resolve("conf"));
        try (var entries = Files.list(modelDir)) {
            for (Path p : entries.toList()) {
                Path link = shadow.resolve(p.getFileName().toString());
                if (!p.getFileName().toString().equals("conf") && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(link, p.toAbsolutePath());
                }
            }
        }
        try (var entries = Files.list(modelDir.resolve("conf"))) {
            for (Path p : entries.toList()) {
                Files.copy(p, shadow.resolve("conf").resolve(p.getFileName().toString()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path mfcc = shadow.resolve("conf/mfcc.conf");
        Files.writeString(mfcc, Files.readString(mfcc) + "--allow-upsample=true\n");
        return shadow;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
