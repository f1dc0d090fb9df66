package com.callportrait.bench.cli;

import com.callportrait.bench.speech.AccuracyBenchmark;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code asr-accuracy}: word error rate of the live speech path on the telephone-band set. One
 * instance per command-line run, used on the main thread; not thread-safe.
 */
@Command(name = "asr-accuracy", mixinStandardHelpOptions = true,
        description = "Word error rate of the live path (AudioSocket frames, resampler, VAD, streaming Vosk) on the"
                + " telephone-band set speech/src/test/benchmark/telephone, next to offline decodes by the same model."
                + " Run from the repository root after a build.")
public final class AsrAccuracyCommand extends BenchCommand {
    @Option(names = "--limit", defaultValue = "100000", description = "at most this many utterances (default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--threads", defaultValue = "2", description = "decoding threads (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--stride", defaultValue = "1", description = "every n-th utterance; 3 keeps every sentence and voice (default ${DEFAULT-VALUE})")
    int stride;

    @Option(names = "--wideband", description = "16 kHz sources (default speech/target/benchmark-wideband, made by make-testset.sh --wideband)")
    Path wideband;

    @Option(names = "--model", description = "Vosk model directory (default speech/target/classes/vosk/model-en-us)")
    Path model;

    @Option(names = "--rows", defaultValue = "live,wide,tel,linear,kaldi", description = "rows to measure (default ${DEFAULT-VALUE})")
    String rows;

    @Override
    public Integer call() throws Exception {
        AccuracyBenchmark.run(settings().speech().asr(), limit, threads, stride, wideband, model, rows);
        return 0;
    }
}
