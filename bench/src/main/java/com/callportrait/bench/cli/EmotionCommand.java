package com.callportrait.bench.cli;

import com.callportrait.bench.speech.EmotionBenchmark;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code emotion}: quality and speed of the bundled text emotion model. One instance per
 * command-line run, used on the main thread; not thread-safe.
 */
@Command(name = "emotion", mixinStandardHelpOptions = true,
        description = "Measures the bundled text emotion model: macro-F1 on the GoEmotions dev split (as written and as"
                + " recognised), confusion, calibration, time per utterance, and polarity on the UCI sentences against"
                + " a lexicon baseline. Prints Markdown.")
public final class EmotionCommand extends BenchCommand {
    @Parameters(index = "0", arity = "0..1", defaultValue = "speech/src/train", paramLabel = "DATA_DIR",
            description = "holds goemotions/ and uci-sentiment/ (default ${DEFAULT-VALUE})")
    Path data;

    @Override
    public Integer call() throws Exception {
        EmotionBenchmark.run(data, System.out);
        return 0;
    }
}
