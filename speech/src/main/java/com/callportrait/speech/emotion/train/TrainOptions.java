package com.callportrait.speech.emotion.train;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Settings of one training run, validated on construction; the defaults are the ones the
 * committed model was trained with. Immutable.
 *
 * @param data             folder holding {@code goemotions/} ({@code --data})
 * @param out              folder to write the model into, or null to write nothing ({@code --out})
 * @param version          model version written into provenance and metadata ({@code --version})
 * @param seed             shuffling and SGD seed ({@code --seed}, default 42)
 * @param epochs           SGD epochs ({@code --epochs})
 * @param learningRate     AdaGrad initial learning rate ({@code --lr})
 * @param cost             L2 cost C for {@code --objective liblinear} ({@code --cost})
 * @param minDf            drop n-gram features seen in fewer training rows ({@code --min-df})
 * @param classWeightPower inverse-frequency class weight exponent, 0 = none ({@code --class-weight})
 * @param objective        {@code log} (logistic regression by SGD), {@code hinge} (linear SVM by SGD)
 *                         or {@code liblinear} (L2-regularised logistic regression, LIBLINEAR)
 * @param augment          also train on each row as a recogniser would write it ({@code --augment})
 * @param tuneShare        share of train held out for calibration ({@code --tune-share})
 * @param evalDev          print the dev score after training ({@code --eval-dev}); never trains on it
 */
public record TrainOptions(Path data, Path out, String version, long seed, int epochs,
        double learningRate, double cost, int minDf, double classWeightPower, String objective, boolean augment,
        double tuneShare, boolean evalDev) {

    public TrainOptions {
        if (data == null || !Files.isDirectory(data.resolve("goemotions"))) {
            throw new IllegalArgumentException("--data must be a folder holding goemotions/, was " + data);
        }
        if (epochs < 1 || !(learningRate > 0) || minDf < 1 || classWeightPower < 0
                || !(tuneShare > 0 && tuneShare < 0.5)) {
            throw new IllegalArgumentException("bad training settings: " + epochs + " epochs, lr "
                    + learningRate + ", min-df " + minDf + ", class weight " + classWeightPower
                    + ", tune share " + tuneShare);
        }
        if (!"log".equals(objective) && !"hinge".equals(objective) && !"liblinear".equals(objective)) {
            throw new IllegalArgumentException("--objective must be log, hinge or liblinear, was " + objective);
        }
    }

    /** Parses {@code --name value} pairs over the defaults. */
    public static TrainOptions parse(String[] args) {
        Path data = Path.of("speech/src/train");
        Path out = null;
        String version = "1.0.0";
        long seed = 42;
        int epochs = 3;
        double lr = 0.03;
        double cost = 1.0;
        int minDf = 5;
        double cw = 0.0;
        String objective = "log";
        boolean augment = true;
        double tune = 0.1;
        boolean evalDev = false;
        for (OptionArgs a = new OptionArgs(args); a.next(); ) {
            switch (a.name()) {
                case "--data" -> data = a.path();
                case "--out" -> out = a.path();
                case "--version" -> version = a.text();
                case "--seed" -> seed = a.wholeLong();
                case "--epochs" -> epochs = a.whole();
                case "--lr" -> lr = a.number();
                case "--cost" -> cost = a.number();
                case "--min-df" -> minDf = a.whole();
                case "--class-weight" -> cw = a.number();
                case "--objective" -> objective = a.text();
                case "--no-augment" -> augment = false;
                case "--tune-share" -> tune = a.number();
                case "--eval-dev" -> evalDev = true;
                case "--dry-run" -> out = null;
                default -> throw a.unknown();
            }
        }
        return new TrainOptions(data, out, version, seed, epochs, lr, cost, minDf, cw, objective, augment, tune, evalDev);
    }
}
