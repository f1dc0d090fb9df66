package com.callportrait.bench.cli;

import com.callportrait.bench.speech.CapacityBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code asr-capacity}: concurrent calls the live speech path transcribes in real time. One
 * instance per command-line run, used on the main thread; not thread-safe.
 */
@Command(name = "asr-capacity", mixinStandardHelpOptions = true,
        description = "Streams N real-time AudioSocket calls (utterances of the telephone set with pauses) to the speech"
                + " engine over loopback and measures end-of-speech to final result, shedding and CPU per level."
                + " Model: CP_VOSK_MODEL or speech/target/classes/vosk/model-en-us. Run from the repository root.")
public final class AsrCapacityCommand extends BenchCommand {
    @Option(names = "--calls", defaultValue = "4,8,12,16", split = ",", description = "concurrent calls per level (default ${DEFAULT-VALUE})")
    int[] calls;

    @Option(names = "--seconds", defaultValue = "60", description = "seconds per level (default ${DEFAULT-VALUE})")
    int seconds;

    @Override
    public Integer call() throws Exception {
        CapacityBenchmark.run(settings().speech().asr(), calls, seconds);
        return 0;
    }
}
