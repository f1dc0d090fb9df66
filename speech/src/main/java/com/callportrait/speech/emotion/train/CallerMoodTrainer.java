package com.callportrait.speech.emotion.train;

import com.callportrait.speech.emotion.CallerMood;
import com.callportrait.speech.emotion.CallerMoodModel;
import com.callportrait.speech.emotion.EmotionLabel;
import com.callportrait.speech.emotion.TextEmotion;
import com.callportrait.speech.emotion.TextEmotionModel;
import com.callportrait.speech.emotion.internal.CallTextFeatures;
import com.callportrait.speech.emotion.internal.CallerMoodCalibration;
import com.callportrait.speech.emotion.internal.MoodMath;
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
import java.util.TreeMap;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the call-centre models (caller mood and escalation): one reproducible command.
 *
 * <p>Data, all under {@code --data}/callcentre: utterances generated from {@code grammar.txt} with
 * {@code asr-confusions.txt} (seeded), plus the hand-written {@code train.tsv}. The temperatures are
 * fitted on another generated sample (another seed). The hand-written {@code dev.tsv} is never
 * trained or calibrated on: {@code --eval-dev} only prints its score. The general sentiment model
 * ({@link TextEmotionModel}, bundled) is an input: its class probabilities are features.
 *
 * <p>Writes {@code callcentre-mood.tribuo.gz}, {@code callcentre-escalation.tribuo.gz} and
 * {@code callcentre.json} (temperatures, SHA-256 of every input, settings) into {@code --out}.
 *
 * <p>One instance per run, used on one thread.
 */
public final class CallerMoodTrainer {

    /** Inputs under {@code callcentre/} whose SHA-256 is recorded with the model. */
    public static final List<String> INPUTS = List.of("grammar.txt", "asr-confusions.txt", "train.tsv", "tuning.tsv");

    private final CallerMoodOptions options;

    public CallerMoodTrainer(CallerMoodOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws IOException {
        new CallerMoodTrainer(CallerMoodOptions.parse(args)).run();
    }

    /** Trains, calibrates, reports and writes the models; returns them. */
    public CallerMoodModel run() throws IOException {
        Path dir = options.data().resolve("callcentre");
        CallCentreGrammar grammar = CallCentreGrammar.load(dir.resolve("grammar.txt"), dir.resolve("asr-confusions.txt"));
        System.out.println("grammar: " + grammar.describe());
        List<CallCentreData.Row> hand = new ArrayList<>(CallCentreData.read(dir.resolve("train.tsv")));
        hand.addAll(CallCentreData.read(dir.resolve("tuning.tsv")));
        Set<String> handTexts = new HashSet<>();
        hand.forEach(r -> handTexts.add(r.text()));
        for (CallCentreData.Row r : CallCentreData.read(dir.resolve("dev.tsv"))) {
            if (handTexts.contains(r.text())) {
                throw new IllegalStateException("dev sentence also in train.tsv: " + r.text());
            }
        }
        Map<String, String> sha = new TreeMap<>();
        for (String name : INPUTS) {
            sha.put(name, Sha256.of(dir.resolve(name)));
        }
        TextEmotionModel general = TextEmotionModel.load();
        String trainedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        CallerMoodCalibration identity = new CallerMoodCalibration(options.version(), trainedAt, 1, 1, sha,
                options.describe(), "");

        // Calibration by cross-fitting: a probe model is fitted without every fourth template of each
        // list, and the temperatures are fitted on utterances made only from those unseen templates,
        // so that the confidence reflects new phrasings, not memorised ones.
        List<CallCentreData.Row> probeFit = new ArrayList<>(grammar.generate(new Random(options.seed()),
                options.generated(), options.escalationShare(), options.decoyShare(), options.noise(), i -> i % 4 != 0));
        List<CallCentreData.Row> tune = grammar.generate(new Random(options.seed() + 1), options.tune(),
                options.escalationShare(), options.decoyShare(), options.noise(), i -> i % 4 == 0);
        Model<Label>[] probe = train(general, probeFit, hand, "probe (three quarters of the templates)");
        CallerMoodModel probeModel = CallerMoodModel.of(general, probe[0], probe[1], identity);
        List<double[]> moodLogits = new ArrayList<>();
        List<double[]> escLogits = new ArrayList<>();
        for (CallCentreData.Row r : tune) {
            Map<String, Double> f = probeModel.featurise(r.text()).features();
            moodLogits.add(probeModel.moodLogits(f));
            escLogits.add(probeModel.escalationLogits(f));
        }
        double tMood = temperature(moodLogits, i -> tune.get(i).label().ordinal());
        double tEsc = temperature(escLogits, i -> tune.get(i).escalation() ? 1 : 0);
        CallerMoodCalibration probeCal = new CallerMoodCalibration(options.version(), trainedAt, tMood, tEsc, sha,
                options.describe(), "");
        CallerMoodModel calibratedProbe = CallerMoodModel.of(general, probe[0], probe[1], probeCal);
        MoodMetrics unseen = evaluate(calibratedProbe, tune, 0.5);
        if (options.showMisses() > 0) {
            // What the probe gets wrong on templates it never saw: where the grammar needs variety.
            int shown = 0;
            for (CallCentreData.Row r : tune) {
                CallerMood p = calibratedProbe.predict(r.text());
                if ((p.reading().label() != r.label() || p.escalation() >= 0.5 != r.escalation())
                        && shown++ < options.showMisses()) {
                    System.out.printf("  probe miss: gold %s%s, read %s %.2f escalation %.2f: %s%n",
                            r.label().wireName(), r.escalation() ? "+esc" : "", p.reading().label().wireName(),
                            p.reading().confidence(), p.escalation(), r.text());
                }
            }
        }

        List<CallCentreData.Row> fit = grammar.generate(new Random(options.seed()), options.generated(),
                options.escalationShare(), options.decoyShare(), options.noise());
        Model<Label>[] models = train(general, fit, hand, "final (all templates)");
        String notes = String.format("temperatures fitted on %d utterances generated (seed %d) from the quarter of"
                + " the templates a probe model was not fitted on: mood T=%.2f, escalation T=%.2f; probe there: %s",
                tune.size(), options.seed() + 1, tMood, tEsc, unseen.summary());
        CallerMoodCalibration calibration = new CallerMoodCalibration(options.version(), trainedAt, tMood, tEsc, sha,
                options.describe(), notes);
        CallerMoodModel model = CallerMoodModel.of(general, models[0], models[1], calibration);
        System.out.println(notes);
        if (options.evalDev()) {
            List<CallCentreData.Row> dev = CallCentreData.read(dir.resolve("dev.tsv"));
            System.out.println("dev (hand-written, never trained on): " + evaluate(model, dev, 0.5).summary());
        }
        if (options.out() != null) {
            write(models[0], models[1], calibration, options.out());
        }
        return model;
    }

    /** Fits the mood and the escalation model on {@code generated} + {@code hand}. */
    private Model<Label>[] train(TextEmotionModel general, List<CallCentreData.Row> generated,
            List<CallCentreData.Row> hand, String what) throws IOException {
        CallTextFeatures features = new CallTextFeatures(general.extractor());
        List<CallCentreData.Row> rows = new ArrayList<>(generated);
        rows.addAll(hand);
        List<Map<String, Double>> feats = new ArrayList<>();
        for (CallCentreData.Row r : rows) {
            Map<String, Double> words = features.wordFeatures(r.text());
            TextEmotion g = general.predictFeatures(words);
            feats.add(features.extract(r.text(), words, g.classProbabilities()));
        }
        Set<String> vocabulary = vocabulary(feats, options.minDf());
        Path dir = options.data().resolve("callcentre");
        String source = "call-centre utterances written for CallPortrait (project licence): "
                + generated.size() + " generated from grammar.txt sha256=" + Sha256.of(dir.resolve("grammar.txt"))
                + " with asr-confusions.txt sha256=" + Sha256.of(dir.resolve("asr-confusions.txt")) + " (seed "
                + options.seed() + "), plus " + hand.size() + " hand-written (train.tsv sha256="
                + Sha256.of(dir.resolve("train.tsv")) + ", tuning.tsv sha256=" + Sha256.of(dir.resolve("tuning.tsv")) + ")" + "; stacked on the general GoEmotions model";
        MutableDataset<Label> moodData = dataset(source, rows, generated.size(), feats, vocabulary,
                r -> r.label().wireName());
        // With --lean-escalation the escalation model sees no character n-grams or bigrams and leans
        // on the escalation matcher's concepts alone (an option kept for comparison on held-out templates).
        Set<String> escVocabulary = new HashSet<>();
        for (String k : vocabulary) {
            if (!options.leanEscalation() || !(k.startsWith("c:") || k.startsWith("b:"))) {
                escVocabulary.add(k);
            }
        }
        MutableDataset<Label> escData = dataset(source, rows, generated.size(), feats, escVocabulary,
                r -> r.escalation() ? CallerMoodModel.ESCALATION : CallerMoodModel.NO_ESCALATION);
        long t0 = System.nanoTime();
        @SuppressWarnings("unchecked")
        Model<Label>[] out = new Model[] {
            trainer().train(moodData, instance("callcentre-mood")),
            trainer().train(escData, instance("callcentre-escalation"))};
        System.out.printf("%s: %d generated + %d hand-written, %d features (min df %d), trained in %.1f s%n", what,
                generated.size(), hand.size(), moodData.getFeatureMap().size(), options.minDf(),
                (System.nanoTime() - t0) / 1e9);
        return out;
    }

    /** Scores {@code rows} with the full prediction path (no voice). */
    public static MoodMetrics evaluate(CallerMoodModel model, List<CallCentreData.Row> rows, double threshold) {
        MoodMetrics m = new MoodMetrics(threshold);
        for (CallCentreData.Row r : rows) {
            CallerMood p = model.predict(r.text());
            m.add(r.label(), r.escalation(), p.reading().label(), p.escalation());
        }
        return m;
    }

    private LinearSGDTrainer trainer() {
        return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(options.learningRate(), 1e-6),
                options.epochs(), Integer.MAX_VALUE, 1, options.seed());
    }

    private Map<String, Provenance> instance(String name) {
        Map<String, Provenance> p = new HashMap<>();
        p.put("model-name", new StringProvenance("model-name", name));
        p.put("model-version", new StringProvenance("model-version", options.version()));
        p.put("seed", new LongProvenance("seed", options.seed()));
        p.put("config", new StringProvenance("config", options.describe()));
        p.put("features", new StringProvenance("features", "word unigrams+bigrams, negation scope 3, VADER lexicon,"
                + " style, char 3-4-grams, general GoEmotions model class probabilities, escalation matcher"
                + " (exact, fuzzy, negated, context); min-df " + options.minDf()));
        return p;
    }

    private MutableDataset<Label> dataset(String source, List<CallCentreData.Row> rows, int generated,
            List<Map<String, Double>> feats, Set<String> vocabulary, Function<CallCentreData.Row, String> label) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> d = new MutableDataset<>(new SimpleDataSourceProvenance(source, factory), factory);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(options.seed()));
        for (int i : order) {
            Map<String, Double> kept = new HashMap<>();
            feats.get(i).forEach((k, v) -> {
                if (vocabulary.contains(k)) {
                    kept.put(k, v);
                }
            });
            Example<Label> ex = TextEmotionModel.toExample(kept, new Label(label.apply(rows.get(i))));
            if (i >= generated) { // the hand-written sentences follow the generated ones
                ex.setWeight((float) options.handWrittenWeight());
            }
            d.add(ex);
        }
        return d;
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
            boolean ngram = k.startsWith("u:") || k.startsWith("b:") || k.startsWith("n:") || k.startsWith("c:");
            if (!ngram || n >= minDf) {
                keep.add(k);
            }
        });
        return keep;
    }

    /** The softmax temperature minimising the negative log-likelihood of the gold classes. */
    private static double temperature(List<double[]> logits, java.util.function.IntUnaryOperator gold) {
        double bestT = 1;
        double best = Double.MAX_VALUE;
        for (double t = 0.3; t <= 6.0; t += 0.05) {
            double nll = 0;
            for (int i = 0; i < logits.size(); i++) {
                nll -= Math.log(Math.max(MoodMath.softmax(logits.get(i), t)[gold.applyAsInt(i)], 1e-12));
            }
            if (nll < best) {
                best = nll;
                bestT = t;
            }
        }
        return Math.round(bestT * 100) / 100.0;
    }

    private static void write(Model<Label> mood, Model<Label> esc, CallerMoodCalibration calibration, Path out)
            throws IOException {
        Files.createDirectories(out);
        for (Map.Entry<String, Model<Label>> e : Map.of("callcentre-mood.tribuo.gz", mood,
                "callcentre-escalation.tribuo.gz", esc).entrySet()) {
            try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(out.resolve(e.getKey())))) {
                e.getValue().serializeToStream(o);
            }
        }
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out.resolve("callcentre.json").toFile(), calibration);
        System.out.println("wrote callcentre-mood.tribuo.gz, callcentre-escalation.tribuo.gz, callcentre.json into " + out);
    }
}
