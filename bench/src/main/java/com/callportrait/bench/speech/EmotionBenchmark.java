package com.callportrait.bench.speech;

import com.callportrait.speech.emotion.CallerMood;
import com.callportrait.speech.emotion.CallerMoodModel;
import com.callportrait.speech.emotion.EmotionLabel;
import com.callportrait.speech.emotion.EmotionReading;
import com.callportrait.speech.emotion.EmotionScorer;
import com.callportrait.speech.emotion.Emotions;
import com.callportrait.speech.emotion.SentimentGroup;
import com.callportrait.speech.emotion.VoiceFeatures;
import com.callportrait.speech.emotion.TextEmotion;
import com.callportrait.speech.emotion.TextEmotionModel;
import com.callportrait.speech.emotion.internal.SentimentLexicon;
import com.callportrait.speech.emotion.internal.Tokenizer;
import com.callportrait.speech.emotion.train.CallCentreData;
import com.callportrait.speech.emotion.train.CallerMoodTrainer;
import com.callportrait.speech.emotion.train.EmotionTrainer;
import com.callportrait.speech.emotion.train.GoEmotionsData;
import com.callportrait.speech.emotion.train.GroupMetrics;
import com.callportrait.speech.emotion.train.MoodMetrics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures the bundled emotion models. First the call-centre model the live path scores with
 * ({@link CallerMoodModel}): macro-F1 over the four caller moods, per-mood F1, confusion, escalation
 * recall and false-alarm rate on the hand-written call-centre dev set
 * ({@code callcentre/dev.tsv}, never trained on), the hard cases, what the voice changes
 * ({@link VoiceEffect}) and the time per utterance. Then the general sentiment model it is stacked
 * on ({@link TextEmotionModel}, unchanged): macro-F1 over the four
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

    /** The hard cases every model version must get right, with the expected mood and escalation. */
    private static final List<Object[]> HARD_CASES = List.of(
            new Object[] {"i have been waiting for an hour and my gas bill is wrong again this is unacceptable i am furious"
                    + " i want to speak to a manager right now", EmotionLabel.ANGRY, true},
            new Object[] {"i want to speak to a manager", null, true},
            new Object[] {"i'm not angry i just want it fixed", EmotionLabel.FRUSTRATED, false},
            new Object[] {"oh great another hour on hold", EmotionLabel.FRUSTRATED, false},
            new Object[] {"could you please help me update my address", EmotionLabel.NEUTRAL, false},
            new Object[] {"i want to report a gas smell", EmotionLabel.NEUTRAL, false},
            new Object[] {"my power is out on elm street", EmotionLabel.NEUTRAL, false},
            new Object[] {"thank you so much you've been really helpful", EmotionLabel.SATISFIED, false},
            new Object[] {"i don't want to cancel i just want it fixed", null, false},
            new Object[] {"no need for a manager you can help me", null, false},
            new Object[] {"i want the man a jar", null, true},
            new Object[] {"can i speak to your supervise her", null, true},
            new Object[] {"cancel my count i'm done", null, true},
            new Object[] {"i need to cancel my card it was stolen", null, false});

    /** Measures the bundled models on the data under {@code data} and prints the tables to {@code out}. */
    public static void run(Path data, PrintStream out) throws IOException {
        run(data, Path.of("speech/src/test/resources/emotion/voice"), out);
    }

    /**
     * As {@link #run(Path, PrintStream)}, with the calm/agitated recordings for the voice comparison
     * under {@code voice}.
     */
    public static void run(Path data, Path voice, PrintStream out) throws IOException {
        callCentre(data, out);
        out.println("### What the voice changes");
        out.println();
        VoiceEffect.run(voice, out);
        out.println("### General sentiment model (GoEmotions), stacked under the call-centre model");
        out.println();
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

    private static void callCentre(Path data, PrintStream out) throws IOException {
        CallerMoodModel model = CallerMoodModel.load();
        EmotionScorer scorer = Emotions.scorer();
        List<CallCentreData.Row> dev = CallCentreData.read(data.resolve("callcentre").resolve("dev.tsv"));
        out.printf("call-centre model %s trained %s; general model %s%n%n", model.calibration().version(),
                model.calibration().trainedAt(), model.general().calibration().version());
        MoodMetrics m5 = new MoodMetrics(0.5);
        MoodMetrics m7 = new MoodMetrics(0.7);
        for (CallCentreData.Row r : dev) {
            EmotionReading e = scorer.score(r.text(), VoiceFeatures.NONE);
            m5.add(r.label(), r.escalation(), e.label(), e.escalation());
            m7.add(r.label(), r.escalation(), e.label(), e.escalation());
        }
        out.printf("| call-centre dev (%d hand-written utterances, 6 domains, never trained on) | macro-F1 | accuracy"
                + " | angry F1 | frustrated F1 | neutral F1 | satisfied F1 |%n", dev.size());
        out.println("| --- | --- | --- | --- | --- | --- | --- |");
        out.printf("| caller mood (words only) | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n%n", m5.macroF1(), m5.accuracy(),
                m5.f1(EmotionLabel.ANGRY), m5.f1(EmotionLabel.FRUSTRATED), m5.f1(EmotionLabel.NEUTRAL),
                m5.f1(EmotionLabel.SATISFIED));
        out.println("| escalation threshold | recall | escalations | false-alarm rate | other utterances |");
        out.println("| --- | --- | --- | --- | --- |");
        for (MoodMetrics m : List.of(m5, m7)) {
            out.printf("| %s | %.3f | %d | %.3f | %d |%n", m == m5 ? "0.5 (target figure)" : "0.7 (live rules)",
                    m.escalationRecall(), m.escalations(), m.falseAlarmRate(), m.others());
        }
        out.println();
        out.println("Confusion (rows gold, columns predicted):");
        out.println();
        out.println("| gold \\ predicted | angry | frustrated | neutral | satisfied |");
        out.println("| --- | --- | --- | --- | --- |");
        long[][] c = m5.confusion();
        for (EmotionLabel l : EmotionLabel.values()) {
            long[] r = c[l.ordinal()];
            out.printf("| %s | %d | %d | %d | %d |%n", l.wireName(), r[0], r[1], r[2], r[3]);
        }
        out.println();
        out.println("| hard case | expected | label | confidence | escalation | ok |");
        out.println("| --- | --- | --- | --- | --- | --- |");
        for (Object[] h : HARD_CASES) {
            EmotionReading e = scorer.score((String) h[0], VoiceFeatures.NONE);
            EmotionLabel want = (EmotionLabel) h[1];
            boolean esc = (Boolean) h[2];
            boolean ok = (want == null || e.label() == want) && (e.escalation() >= 0.5) == esc;
            out.printf("| %s | %s%s | %s | %.2f | %.2f | %s |%n", h[0], want == null ? "" : want.wireName() + ", ",
                    esc ? "escalation" : "no escalation", e.label().wireName(), e.confidence(), e.escalation(),
                    ok ? "yes" : "NO");
        }
        out.println();
        callCentreTiming(scorer, dev, out);
        callCentrePolarity(model, data.resolve("uci-sentiment"), out);
    }

    private static void callCentreTiming(EmotionScorer scorer, List<CallCentreData.Row> dev, PrintStream out) {
        for (int warm = 0; warm < 20; warm++) {
            for (CallCentreData.Row r : dev) {
                scorer.score(r.text(), VoiceFeatures.NONE);
            }
        }
        int reps = 10;
        long[] ns = new long[dev.size() * reps];
        long t0 = System.nanoTime();
        for (int i = 0; i < ns.length; i++) {
            long s = System.nanoTime();
            scorer.score(dev.get(i % dev.size()).text(), VoiceFeatures.NONE);
            ns[i] = System.nanoTime() - s;
        }
        long total = System.nanoTime() - t0;
        Arrays.sort(ns);
        out.printf("Speed of the live scorer (both models + the general model + escalation matcher, one thread,"
                + " after warm-up, %d scorings): mean %.3f ms, p50 %.3f ms, p99 %.3f ms per utterance%n%n",
                ns.length, total / 1e6 / ns.length, ns[ns.length / 2] / 1e6, ns[(int) (ns.length * 0.99)] / 1e6);
    }

    /** Polarity of the call-centre model on the UCI sentences: P(satisfied) against P(angry) + P(frustrated). */
    private static void callCentrePolarity(CallerMoodModel model, Path uci, PrintStream out) throws IOException {
        int n = 0;
        int right = 0;
        for (String name : List.of("yelp", "imdb")) {
            for (String line : Files.readAllLines(uci.resolve(name + "_labelled.txt"), StandardCharsets.UTF_8)) {
                int tab = line.lastIndexOf('\t');
                if (tab <= 0) {
                    continue;
                }
                boolean positive = "1".equals(line.substring(tab + 1).trim());
                CallerMood c = model.predict(EmotionTrainer.asRecognised(line.substring(0, tab)));
                boolean modelPositive = c.probability(EmotionLabel.SATISFIED)
                        >= c.probability(EmotionLabel.ANGRY) + c.probability(EmotionLabel.FRUSTRATED);
                right += modelPositive == positive ? 1 : 0;
                n++;
            }
        }
        out.printf("For comparison, the call-centre model's own polarity on the UCI sentences (yelp + imdb, %d, as"
                + " recognised; P(satisfied) >= P(angry) + P(frustrated)): %.3f. Those are product reviews, not calls;"
                + " the GoEmotions and UCI figures below are the general model's, which the call-centre model stacks"
                + " on and which is scored exactly as before.%n%n", n, right / (double) n);
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
