package com.callportrait.bench.cli;

import com.callportrait.bench.speech.CapacityBenchmark;
import com.callportrait.bench.speech.VadReplay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code asr-vad}: when the voice-activity detector closes the spoken clips of the asr-capacity
 * timelines, per hangover. One instance per command-line run; not thread-safe.
 */
@Command(name = "asr-vad", mixinStandardHelpOptions = true,
        description = "Replays the asr-capacity caller timelines (same options, same seed) through the live path's"
                + " voice-activity detector alone and reports, per hangover (CP_ASR_END_SILENCE_MS), utterances per"
                + " spoken clip, clips joined to the next one and the delay from the end of speech to the VAD's end."
                + " The other VAD settings come from CP_ASR_* as in the server (CP_ASR_END_DROP_DB,"
                + " CP_ASR_VAD_HIGHPASS_HZ, CP_ASR_MIN_SPEECH_DBFS). No sockets, no recognition: not a timing"
                + " benchmark. Run from the repository root.")
public final class AsrVadCommand extends BenchCommand {
    @Option(names = "--calls", defaultValue = "4,8,16,24", split = ",", description = "levels replayed (default ${DEFAULT-VALUE})")
    int[] calls;

    @Option(names = "--seconds", defaultValue = "30", description = "seconds per level (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--rate", defaultValue = "16000", description = "16000 or 8000 (default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--speech", defaultValue = "0.82", description = "share of the time each caller speaks (default ${DEFAULT-VALUE})")
    double speech;

    @Option(names = "--call-seconds", defaultValue = "30", description = "mean call length (default ${DEFAULT-VALUE})")
    int callSeconds;

    @Option(names = "--seed", defaultValue = "1", description = "random seed of the timelines (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--hangover", defaultValue = "300,250,200", split = ",",
            description = "hangovers to compare, ms (default ${DEFAULT-VALUE})")
    int[] hangovers;

    @Option(names = "--line-noise", description = "steady white noise under every line's whole timeline, dBFS RMS"
            + " (e.g. -55; default: none)")
    Double lineNoiseDbfs;

    @Option(names = "--per-clip", description = "also the VAD's end by clip, per hangover")
    boolean perClip;

    @Override
    public Integer call() {
        VadReplay.run(settings().speech().asr(), new CapacityBenchmark.Config(calls, seconds, rate, speech, callSeconds,
                seed, 0, LineNoise.check(spec, lineNoiseDbfs)), hangovers, perClip);
        return 0;
    }
}
