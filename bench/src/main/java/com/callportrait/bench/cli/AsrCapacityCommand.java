package com.callportrait.bench.cli;

import com.callportrait.bench.speech.CapacityBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code asr-capacity}: concurrent calls the live speech path transcribes in real time. One
 * instance per command-line run, used on the main thread; not thread-safe.
 */
@Command(name = "asr-capacity", mixinStandardHelpOptions = true,
        description = "Streams N real-time AudioSocket caller lines of human speech (speech/src/test/benchmark/human,"
                + " with pauses, calls back to back) to the speech engine over loopback and measures frames shed,"
                + " end-of-speech to final result, first partial, WER (live and offline) and CPU per level."
                + " Model: CP_VOSK_MODEL or speech/target/classes/vosk/model-en-us; recognisers: CP_ASR_RECOGNIZERS"
                + " and friends (CP_ASR_RECOGNIZERS=0: a new recogniser per call). Run from the repository root.")
public final class AsrCapacityCommand extends BenchCommand {
    @Option(names = "--calls", defaultValue = "4,8,16,24", split = ",",
            description = "concurrent caller lines per level (default ${DEFAULT-VALUE})")
    int[] calls;

    @Option(names = "--seconds", defaultValue = "60", description = "seconds per level (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--rate", defaultValue = "16000",
            description = "16000 (kind 0x12, Dial(AudioSocket/.../c(slin16))) or 8000 (kind 0x10, AudioSocket()); default ${DEFAULT-VALUE}")
    int rate;

    @Option(names = "--speech", defaultValue = "0.75", description = "share of the time each caller speaks (default ${DEFAULT-VALUE})")
    double speech;

    @Option(names = "--call-seconds", defaultValue = "30",
            description = "mean call length; each line plays calls back to back (default ${DEFAULT-VALUE})")
    int callSeconds;

    @Option(names = "--seed", defaultValue = "1", description = "random seed of the timelines (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--warmup-seconds", defaultValue = "0",
            description = "an unreported level of the largest --calls first, so the levels lease recognisers that have"
                    + " decoded speech before, as in a server that has been running (default ${DEFAULT-VALUE}: none)")
    int warmupSeconds;

    @Option(names = "--line-noise", description = "steady white noise under every line's whole timeline (pauses"
            + " and speech), dBFS RMS, as a real line's hiss or room tone (e.g. -55; default: none)")
    Double lineNoiseDbfs;

    @Override
    public Integer call() throws Exception {
        if (speech <= 0.1 || speech >= 0.95) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--speech must be in (0.1, 0.95)");
        }
        CapacityBenchmark.run(settings().speech().asr(),
                new CapacityBenchmark.Config(calls, seconds, rate, speech, callSeconds, seed, warmupSeconds,
                        LineNoise.check(spec, lineNoiseDbfs)));
        return 0;
    }
}
