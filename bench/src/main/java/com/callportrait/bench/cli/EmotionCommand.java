package com.callportrait.bench.cli;

import com.callportrait.bench.speech.EmotionBenchmark;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code emotion}: quality and speed of the bundled emotion models (call-centre and general). One instance per
 * command-line run, used on the main thread; not thread-safe.
 */
@Command(name = "emotion", mixinStandardHelpOptions = true,
        description = "Measures the bundled emotion models: on the hand-written call-centre dev set, macro-F1 over"
                + " angry/frustrated/neutral/satisfied, per-mood F1, escalation recall and false-alarm rate, hard cases,"
                + " what the voice changes (calm vs agitated recordings), time per utterance; then the general model:"
                + " macro-F1 on the GoEmotions dev split (as written and as recognised), confusion, calibration, and"
                + " polarity on the UCI sentences against a lexicon baseline. Prints Markdown.")
public final class EmotionCommand extends BenchCommand {
    @Parameters(index = "0", arity = "0..1", defaultValue = "speech/src/train", paramLabel = "DATA_DIR",
            description = "holds callcentre/, goemotions/ and uci-sentiment/ (default ${DEFAULT-VALUE})")
    Path data;

    @picocli.CommandLine.Option(names = "--voice", defaultValue = "speech/src/test/resources/emotion/voice",
            description = "calm/agitated recordings for the voice comparison (default ${DEFAULT-VALUE})")
    Path voice;

    @Override
    public Integer call() throws Exception {
        EmotionBenchmark.run(data, voice, System.out);
        return 0;
    }
}
