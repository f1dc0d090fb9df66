package com.callportrait.speech.emotion.train;

import com.callportrait.speech.emotion.TextClass;
import com.callportrait.speech.emotion.TextEmotionModel;
import com.callportrait.speech.emotion.internal.TextFeatureExtractor;
import com.callportrait.speech.emotion.internal.TextModelCalibration;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.Trainer;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.sgd.LabelObjective;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the text emotion model: one reproducible command (fixed seed, fixed data order).
 *
 * <p>Data: the GoEmotions TRAIN split only, shuffled with the seed and cut into a fit part (90%)
 * and a tune part (10%). The model is fitted on the fit part; the softmax temperature and the group
 * offsets ({@link TextModelCalibration}) are fitted on the tune part. The dev split is never used
 * for any of this; {@code --eval-dev} only prints its score afterwards.
 *
 * <p>Multi-label rows: a row with labels in k different classes becomes k examples, one per class,
 * each of weight 1/k, so that every row weighs the same and the model learns that such a row is
 * split between its classes.
 *
 * <p>Writes {@code caller-mood.tribuo.gz} (Tribuo protobuf, gzipped, with provenance) and
 * {@code caller-mood.json} (version, date, calibration) into {@code --out}.
 *
 * <p>One instance per training run, used on one thread: {@link #run} blocks it until the model is
 * written. The static helpers are stateless and thread-safe.
 */
public final class EmotionTrainer {

    private final TrainOptions options;

    public EmotionTrainer(TrainOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws IOException {
        TrainOptions options = TrainOptions.parse(args);
        new EmotionTrainer(options).run();
    }

    /** Trains, calibrates, reports and writes the model; returns it. */
    public TextEmotionModel run() throws IOException {
        Path dir = options.data().resolve("goemotions");
        List<GoEmotionsData.Row> rows = new ArrayList<>(GoEmotionsData.read(dir, "train"));
        Collections.shuffle(rows, new Random(options.seed()));
        int tuneSize = (int) Math.round(rows.size() * options.tuneShare());
        List<GoEmotionsData.Row> tune = rows.subList(0, tuneSize);
        List<GoEmotionsData.Row> fit = rows.subList(tuneSize, rows.size());

        TextFeatureExtractor extractor = TextEmotionModel.newExtractor();
        List<Map<String, Double>> fitFeatures = new ArrayList<>();
        List<Set<TextClass>> fitClasses = new ArrayList<>();
        for (GoEmotionsData.Row r : fit) {
            fitFeatures.add(extractor.extract(r.text()));
            fitClasses.add(r.classes());
            if (options.augment()) {
                fitFeatures.add(extractor.extract(asRecognised(r.text())));
                fitClasses.add(r.classes());
            }
        }
        Set<String> vocabulary = vocabulary(fitFeatures, options.minDf());

        LabelFactory factory = new LabelFactory();
        String source = "GoEmotions train split (Demszky et al., ACL 2020; Apache-2.0), "
                + dir.resolve("train.tsv.gz").getFileName() + " sha256=" + Sha256.of(dir.resolve("train.tsv.gz"))
                + "; fit part " + fit.size() + " of " + rows.size() + " rows, shuffled with seed " + options.seed();
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance(source, factory), factory);
        double[] classWeight = classWeights(fitClasses, options.classWeightPower());
        for (int i = 0; i < fitFeatures.size(); i++) {
            Map<String, Double> kept = new HashMap<>();
            fitFeatures.get(i).forEach((k, v) -> {
                if (vocabulary.contains(k)) {
                    kept.put(k, v);
                }
            });
            Set<TextClass> classes = fitClasses.get(i);
            for (TextClass c : classes) {
                Example<Label> ex = TextEmotionModel.toExample(kept, new Label(c.wireName()));
                ex.setWeight((float) (classWeight[c.ordinal()] / classes.size()));
                dataset.add(ex);
            }
        }
        System.out.printf("fit rows %d, examples %d, features %d (min df %d), tune rows %d%n",
                fit.size(), dataset.size(), dataset.getFeatureMap().size(), options.minDf(), tune.size());

        Trainer<Label> trainer;
        if ("liblinear".equals(options.objective())) {
            trainer = new LibLinearClassificationTrainer(
                    new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR),
                    options.cost(), 1000, 0.01, options.seed());
        } else {
            LabelObjective objective = "hinge".equals(options.objective()) ? new Hinge() : new LogMulticlass();
            trainer = new LinearSGDTrainer(objective, new AdaGrad(options.learningRate(), 1e-6),
                    options.epochs(), Integer.MAX_VALUE, 1, options.seed());
        }
        Map<String, Provenance> instance = new HashMap<>();
        instance.put("model-name", new StringProvenance("model-name", "caller-mood"));
        instance.put("model-version", new StringProvenance("model-version", options.version()));
        instance.put("seed", new LongProvenance("seed", options.seed()));
        instance.put("features", new StringProvenance("features", "unigrams+bigrams, negation scope 3,"
                + " VADER lexicon with negation/intensifiers/contrast, style; min-df " + options.minDf()
                + (options.augment() ? "; each row also as recognised text (lower case, no punctuation)" : "")));
        instance.put("class-weight-power", new StringProvenance("class-weight-power",
                Double.toString(options.classWeightPower())));
        long t0 = System.nanoTime();
        Model<Label> model = trainer.train(dataset, instance);
        System.out.printf("trained in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        TextModelCalibration calibration = Calibrator.fit(model, extractor, tune, options.version(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        TextEmotionModel result = TextEmotionModel.of(model, calibration);
        System.out.println("tune (held-out train): " + evaluate(result, tune, false).summary());
        System.out.println("tune as recognised:    " + evaluate(result, tune, true).summary());
        if (options.evalDev()) {
            List<GoEmotionsData.Row> dev = GoEmotionsData.read(dir, "dev");
            System.out.println("dev: " + evaluate(result, dev, false).summary());
            System.out.println("dev as recognised: " + evaluate(result, dev, true).summary());
        }
        if (options.out() != null) {
            write(model, calibration, options.out());
        }
        return result;
    }

    /** Scores {@code rows} with the full prediction path. */
    public static GroupMetrics evaluate(TextEmotionModel model, List<GoEmotionsData.Row> rows,
            boolean asRecognised) {
        GroupMetrics m = new GroupMetrics();
        for (GoEmotionsData.Row r : rows) {
            String text = asRecognised ? asRecognised(r.text()) : r.text();
            m.add(r.groups(), model.predict(text).group());
        }
        return m;
    }

    /** What a recogniser would give for {@code text}: lower case, no punctuation, no emoji. */
    public static String asRecognised(String text) {
        return text.replaceAll("[^\\p{L}\\p{N}'\\s\\[\\]]", " ").toLowerCase(java.util.Locale.ROOT);
    }

    private static Set<String> vocabulary(List<Map<String, Double>> features, int minDf) {
        Map<String, Integer> df = new HashMap<>();
        for (Map<String, Double> f : features) {
            for (String k : f.keySet()) {
                df.merge(k, 1, Integer::sum);
            }
        }
        Set<String> keep = new HashSet<>();
        df.forEach((k, n) -> {
            boolean ngram = k.startsWith("u:") || k.startsWith("b:") || k.startsWith("n:");
            if (!ngram || n >= minDf) {
                keep.add(k);
            }
        });
        return keep;
    }

    /** Inverse class frequency to the power {@code power} (0 = no weighting), mean 1. */
    private static double[] classWeights(List<Set<TextClass>> classes, double power) {
        double[] count = new double[TextClass.values().length];
        for (Set<TextClass> s : classes) {
            for (TextClass c : s) {
                count[c.ordinal()] += 1.0 / s.size();
            }
        }
        double total = classes.size();
        double[] w = new double[count.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.pow(total / (w.length * Math.max(count[i], 1)), power);
        }
        return w;
    }

    private static void write(Model<Label> model, TextModelCalibration calibration, Path out) throws IOException {
        Files.createDirectories(out);
        Path modelFile = out.resolve("caller-mood.tribuo.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(modelFile))) {
            model.serializeToStream(o);
        }
        new ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValue(out.resolve("caller-mood.json").toFile(), calibration);
        System.out.printf("wrote %s (%d bytes) and caller-mood.json%n", modelFile, Files.size(modelFile));
    }
}
