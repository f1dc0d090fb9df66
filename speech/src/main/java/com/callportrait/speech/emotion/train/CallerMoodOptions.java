package com.callportrait.speech.emotion.train;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Settings of one call-centre model training run, validated on construction; the defaults are the
 * ones the committed model was trained with. Immutable.
 *
 * @param data            folder holding {@code callcentre/} ({@code --data}, default {@code speech/src/train})
 * @param out             folder to write the model into, or null to write nothing ({@code --out})
 * @param version         model version ({@code --version})
 * @param seed            generator, shuffling and SGD seed ({@code --seed}, default 20261202)
 * @param generated       utterances generated for fitting ({@code --generated})
 * @param tune            utterances generated, with another seed, for the temperatures ({@code --tune})
 * @param escalationShare share of generated utterances that escalate ({@code --escalation-share})
 * @param decoyShare      share of generated decoys: escalation words that are no escalation ({@code --decoy-share})
 * @param noise           probability that a word with a known confusion is misheard ({@code --noise})
 * @param epochs          SGD epochs ({@code --epochs})
 * @param learningRate    AdaGrad initial learning rate ({@code --lr})
 * @param minDf           drop n-gram features seen in fewer fitted utterances ({@code --min-df})
 * @param handWrittenWeight weight of each hand-written training sentence ({@code --hand-weight})
 * @param evalDev         print the score on the hand-written dev set after training ({@code --eval-dev})
 * @param leanEscalation  fit the escalation model without character n-grams and bigrams ({@code --lean-escalation}, default off)
 * @param showMisses      print up to this many probe errors on unseen templates ({@code --show-misses}, 0)
 */
public record CallerMoodOptions(Path data, Path out, String version, long seed, int generated, int tune,
        double escalationShare, double decoyShare, double noise, int epochs, double learningRate, int minDf,
        double handWrittenWeight, boolean evalDev, boolean leanEscalation, int showMisses) {

    public CallerMoodOptions {
        if (data == null || !Files.isDirectory(data.resolve("callcentre"))) {
            throw new IllegalArgumentException("--data must be a folder holding callcentre/, was " + data);
        }
        if (generated < 100 || tune < 100 || epochs < 1 || !(learningRate > 0) || minDf < 1
                || !(escalationShare > 0 && escalationShare + decoyShare < 0.8) || !(decoyShare >= 0)
                || !(noise >= 0 && noise <= 1) || !(handWrittenWeight >= 0)) {
            throw new IllegalArgumentException("bad training settings: generated " + generated + ", tune " + tune
                    + ", epochs " + epochs + ", lr " + learningRate + ", min-df " + minDf + ", escalation share "
                    + escalationShare + ", decoy share " + decoyShare + ", noise " + noise);
        }
    }

    /** One line naming every setting, recorded with the model. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "seed=%d generated=%d tune=%d escalation-share=%.2f decoy-share=%.2f"
                + " noise=%.2f epochs=%d lr=%.3f min-df=%d hand-weight=%.1f lean-escalation=%b trainer=LinearSGDTrainer(LogMulticlass,AdaGrad)",
                seed, generated, tune, escalationShare, decoyShare, noise, epochs, learningRate, minDf, handWrittenWeight,
                leanEscalation);
    }

    /** Parses {@code --name value} pairs over the defaults. */
    public static CallerMoodOptions parse(String[] args) {
        Path data = Path.of("speech/src/train");
        Path out = null;
        String version = "2.0.0";
        long seed = 20261202;
        int generated = 30000;
        int tune = 4000;
        double esc = 0.22;
        double decoy = 0.10;
        double noise = 0.25;
        int epochs = 6;
        double lr = 0.05;
        int minDf = 3;
        double hand = 3.0;
        boolean evalDev = false;
        int showMisses = 0;
        boolean lean = false;
        for (OptionArgs a = new OptionArgs(args); a.next(); ) {
            switch (a.name()) {
                case "--data" -> data = a.path();
                case "--out" -> out = a.path();
                case "--version" -> version = a.text();
                case "--seed" -> seed = a.wholeLong();
                case "--generated" -> generated = a.whole();
                case "--tune" -> tune = a.whole();
                case "--escalation-share" -> esc = a.number();
                case "--decoy-share" -> decoy = a.number();
                case "--noise" -> noise = a.number();
                case "--epochs" -> epochs = a.whole();
                case "--lr" -> lr = a.number();
                case "--min-df" -> minDf = a.whole();
                case "--hand-weight" -> hand = a.number();
                case "--eval-dev" -> evalDev = true;
                case "--lean-escalation" -> lean = true;
                case "--show-misses" -> showMisses = a.whole();
                case "--dry-run" -> out = null;
                default -> throw a.unknown();
            }
        }
        return new CallerMoodOptions(data, out, version, seed, generated, tune, esc, decoy, noise, epochs, lr, minDf,
                hand, evalDev, lean, showMisses);
    }
}
