package com.callportrait.cli;

import com.callportrait.speech.emotion.train.CallerMoodOptions;
import com.callportrait.speech.emotion.train.CallerMoodTrainer;
import com.callportrait.speech.emotion.train.EmotionTrainer;
import com.callportrait.speech.emotion.train.TrainOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code emotion}: text lines on standard input, one JSON object per line on standard output
 * (redacted text, label, valence, arousal, confidence, escalation, sentiment group) from the same
 * models and redactor the live path uses. {@code emotion train-callcentre} retrains the call-centre
 * mood and escalation models, {@code emotion train} the general sentiment model under them. One instance per
 * command-line run, used on the main thread; not thread-safe.
 */
@Command(name = "emotion", mixinStandardHelpOptions = true,
        description = "Reads text lines on standard input and prints one JSON object per line:"
                + " redacted text, label (angry|frustrated|neutral|satisfied), valence, arousal,"
                + " confidence, escalation (probability the caller asks for a manager, threatens to cancel or"
                + " switch, complain formally, or go to a regulator, lawyer or the press), sentiment group of the"
                + " general model.",
        subcommands = {EmotionCommand.Train.class, EmotionCommand.TrainCallCentre.class})
public final class EmotionCommand extends AppCommand {

    @Override
    public Integer call() throws Exception {
        EmotionLines.standard().run(System.in, out());
        return 0;
    }

    /** {@code emotion train-callcentre [--data DIR] [--out DIR] [--eval-dev] ...}: see {@link CallerMoodOptions}. */
    @Command(name = "train-callcentre", mixinStandardHelpOptions = true,
            description = "Retrains the call-centre mood and escalation models from callcentre/ (grammar, recogniser"
                    + " confusions, hand-written sentences; fixed seed). Options: --data DIR (holding callcentre/,"
                    + " default speech/src/train), --out DIR (default: write nothing), --eval-dev, --seed N,"
                    + " --generated N, --epochs N, --version V.")
    public static final class TrainCallCentre extends AppCommand {
        @Unmatched
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            new CallerMoodTrainer(CallerMoodOptions.parse(args.toArray(String[]::new))).run();
            return 0;
        }
    }

    /** {@code emotion train [--data DIR] [--out DIR] [--eval-dev] ...}: see {@link TrainOptions}. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Retrains the general text emotion model on the GoEmotions train split (fixed seed)."
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
