package com.callportrait.bench.speech;

import com.callportrait.speech.emotion.SentimentGroup;
import com.callportrait.speech.emotion.TextEmotion;
import com.callportrait.speech.emotion.TextEmotionModel;
import com.callportrait.speech.emotion.internal.SentimentLexicon;
import com.callportrait.speech.emotion.internal.Tokenizer;
import com.callportrait.speech.emotion.train.EmotionTrainer;
import com.callportrait.speech.emotion.train.GoEmotionsData;
import com.callportrait.speech.emotion.train.GroupMetrics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures the bundled text emotion model (the file the live path loads): macro-F1 over the four
 * sentiment groups on the GoEmotions dev split, written and as a recogniser would write it
 * (lower case, no punctuation), per-group F1, the confusion matrix, calibration (expected
 * calibration error), the time per utterance, and polarity accuracy on the UCI yelp + imdb
 * sentences against a plain lexicon baseline ({@code emotion DATA_DIR}, where DATA_DIR holds
 * {@code goemotions/} and {@code uci-sentiment/}: {@code speech/src/train}). Prints Markdown for
 * BENCHMARKS.md. Stateless.
 */
public final class EmotionBenchmark {

    private EmotionBenchmark() {
    }

    /** Measures the bundled model on the data under {@code data} and prints the tables to {@code out}. */
    public static void run(Path data, PrintStream out) throws IOException {
        TextEmotionModel model = TextEmotionModel.load();
        List<GoEmotionsData.Row> dev = GoEmotionsData.read(data.resolve("goemotions"), "dev");
        out.printf("model %s trained %s%n%n", model.calibration().version(), model.calibration().trainedAt());

        GroupMetrics written = EmotionTrainer.evaluate(model, dev, false);
        GroupMetrics recognised = EmotionTrainer.evaluate(model, dev, true);
        out.println("| GoEmotions dev (5,426 rows) | macro-F1 | accuracy | positive F1 | negative F1 | ambiguous F1 | neutral F1 |");
        out.println("| --- | --- | --- | --- | --- | --- | --- |");
        row(out, "as written", written);
        row(out, "as recognised (lower case, no punctuation)", recognised);
        out.println();
        out.println("Confusion (rows gold, columns predicted; a multi-group row counts under the predicted group when it is gold):");
        out.println();
        out.println("| gold \\ predicted | positive | negative | ambiguous | neutral |");
        out.println("| --- | --- | --- | --- | --- |");
        long[][] c = written.confusion();
        for (SentimentGroup g : SentimentGroup.values()) {
            long[] r = c[g.ordinal()];
            out.printf("| %s | %d | %d | %d | %d |%n", g.wireName(), r[0], r[1], r[2], r[3]);
        }
        out.println();
        out.printf("Calibration: expected calibration error of the group confidence on dev = %.3f (10 bins)%n%n",
                ece(model, dev));

        timing(model, dev, out);
        polarity(model, data.resolve("uci-sentiment"), out);
    }

    private static void row(PrintStream out, String name, GroupMetrics m) {
        out.printf("| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", name, m.macroF1(), m.accuracy(),
                m.f1(SentimentGroup.POSITIVE), m.f1(SentimentGroup.NEGATIVE),
                m.f1(SentimentGroup.AMBIGUOUS), m.f1(SentimentGroup.NEUTRAL));
    }

    private static double ece(TextEmotionModel model, List<GoEmotionsData.Row> dev) {
        int bins = 10;
        double[] conf = new double[bins];
        double[] hit = new double[bins];
        int[] n = new int[bins];
        for (GoEmotionsData.Row r : dev) {
            TextEmotion t = model.predict(r.text());
            double p = t.probability(t.group());
            int b = Math.min(bins - 1, (int) (p * bins));
            conf[b] += p;
            hit[b] += r.groups().contains(t.group()) ? 1 : 0;
            n[b]++;
        }
        double e = 0;
        for (int b = 0; b < bins; b++) {
            if (n[b] > 0) {
                e += Math.abs(hit[b] / n[b] - conf[b] / n[b]) * n[b] / dev.size();
            }
        }
        return e;
    }

    private static void timing(TextEmotionModel model, List<GoEmotionsData.Row> dev, PrintStream out) {
        for (int warm = 0; warm < 3; warm++) {
            for (GoEmotionsData.Row r : dev) {
                model.predict(r.text());
            }
        }
        long[] ns = new long[dev.size()];
        long t0 = System.nanoTime();
        for (int i = 0; i < dev.size(); i++) {
            long s = System.nanoTime();
            model.predict(dev.get(i).text());
            ns[i] = System.nanoTime() - s;
        }
        long total = System.nanoTime() - t0;
        Arrays.sort(ns);
        out.printf("Speed (one thread, after warm-up, %d dev utterances): mean %.3f ms, p50 %.3f ms,"
                + " p99 %.3f ms per utterance%n%n", dev.size(), total / 1e6 / dev.size(),
                ns[ns.length / 2] / 1e6, ns[(int) (ns.length * 0.99)] / 1e6);
    }

    private static void polarity(TextEmotionModel model, Path uci, PrintStream out) throws IOException {
        SentimentLexicon lex = SentimentLexicon.shared();
        out.println("| UCI sentences (never trained on) | n | model polarity accuracy | lexicon baseline accuracy |");
        out.println("| --- | --- | --- | --- |");
        int allN = 0;
        int allModel = 0;
        int allLex = 0;
        for (String name : List.of("yelp", "imdb")) {
            List<String[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(uci.resolve(name + "_labelled.txt"), StandardCharsets.UTF_8)) {
                int tab = line.lastIndexOf('\t');
                if (tab > 0) {
                    rows.add(new String[] {line.substring(0, tab), line.substring(tab + 1).trim()});
                }
            }
            int m = 0;
            int l = 0;
            for (String[] r : rows) {
                boolean positive = "1".equals(r[1]);
                TextEmotion t = model.predict(r[0]);
                boolean modelPositive = t.probability(SentimentGroup.POSITIVE) >= t.probability(SentimentGroup.NEGATIVE);
                m += modelPositive == positive ? 1 : 0;
                l += (lexiconScore(lex, r[0]) >= 0) == positive ? 1 : 0;
            }
            out.printf("| %s | %d | %.3f | %.3f |%n", name, rows.size(), m / (double) rows.size(), l / (double) rows.size());
            allN += rows.size();
            allModel += m;
            allLex += l;
        }
        out.printf("| yelp + imdb | %d | %.3f | %.3f |%n%n", allN, allModel / (double) allN, allLex / (double) allN);
        out.println("Model polarity: P(positive) >= P(negative). Lexicon baseline: sum of VADER word"
                + " valences >= 0 (no negation, no model).");
    }

    /** The plain baseline: sum of lexicon valences of the words. */
    static double lexiconScore(SentimentLexicon lex, String text) {
        double s = 0;
        for (String t : Tokenizer.tokens(text)) {
            s += lex.valence(t);
        }
        return s;
    }
}
