package com.callportrait.cli;

import com.callportrait.speech.emotion.train.EmotionTrainer;
import com.callportrait.speech.emotion.train.TrainOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code emotion}: text lines on standard input, one JSON object per line on standard output
 * (redacted text, label, valence, arousal, confidence, sentiment group) from the same text model
 * and redactor the live path uses. {@code emotion train} retrains that model. One instance per
 * command-line run, used on the main thread; not thread-safe.
 */
@Command(name = "emotion", mixinStandardHelpOptions = true,
        description = "Reads text lines on standard input and prints one JSON object per line:"
                + " redacted text, label (angry|frustrated|neutral|satisfied), valence, arousal,"
                + " confidence, sentiment group.",
        subcommands = EmotionCommand.Train.class)
public final class EmotionCommand extends AppCommand {

    @Override
    public Integer call() throws Exception {
        EmotionLines.standard().run(System.in, out());
        return 0;
    }

    /** {@code emotion train [--data DIR] [--out DIR] [--eval-dev] ...}: see {@link TrainOptions}. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Retrains the text emotion model on the GoEmotions train split (fixed seed)."
                    + " Options: --data DIR (holding goemotions/, default speech/src/train),"
                    + " --out DIR (default: write nothing), --eval-dev, --seed N, --epochs N, --lr X,"
                    + " --min-df N, --version V.")
    public static final class Train extends AppCommand {
        @Unmatched
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            new EmotionTrainer(TrainOptions.parse(args.toArray(String[]::new))).run();
            return 0;
        }
    }
}
