package com.callportrait.speech.emotion.train;

import com.callportrait.speech.emotion.SentimentGroup;
import com.callportrait.speech.emotion.TextClass;
import com.callportrait.speech.emotion.TextEmotionModel;
import com.callportrait.speech.emotion.internal.MoodMath;
import com.callportrait.speech.emotion.internal.TextFeatureExtractor;
import com.callportrait.speech.emotion.internal.TextModelCalibration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Fits the {@link TextModelCalibration} on the tune part of TRAIN: first the softmax temperature
 * that minimises the negative log-likelihood of the gold classes (so the confidence means what it
 * says), then per-group log-probability offsets by coordinate ascent on macro-F1 (neutral is the
 * reference, offset 0).
 */
final class Calibrator {

    private static final SentimentGroup[] GROUPS = SentimentGroup.values();

    private Calibrator() {
    }

    static TextModelCalibration fit(Model<Label> model, TextFeatureExtractor extractor,
            List<GoEmotionsData.Row> tune, String version, String trainedAt) {
        TextModelCalibration identity = new TextModelCalibration(version, trainedAt, 1.0, Map.of(), "");
        TextEmotionModel raw = TextEmotionModel.of(model, identity);
        double[][] logits = new double[tune.size()][];
        for (int i = 0; i < tune.size(); i++) {
            logits[i] = raw.logits(extractor.extract(tune.get(i).text()));
        }
        double bestT = 1;
        double bestNll = Double.MAX_VALUE;
        for (double t = 0.3; t <= 4.0; t += 0.05) {
            double nll = 0;
            for (int i = 0; i < tune.size(); i++) {
                double[] p = MoodMath.softmax(logits[i], t);
                double gold = 0;
                for (TextClass c : tune.get(i).classes()) {
                    gold += p[c.ordinal()];
                }
                nll -= Math.log(Math.max(gold, 1e-12));
            }
            if (nll < bestNll) {
                bestNll = nll;
                bestT = t;
            }
        }
        double[][] groupP = new double[tune.size()][];
        for (int i = 0; i < tune.size(); i++) {
            groupP[i] = MoodMath.groupProbabilities(MoodMath.softmax(logits[i], bestT));
        }
        double[] bias = new double[GROUPS.length];
        double best = macroF1(groupP, tune, bias);
        double before = best;
        for (int round = 0; round < 3; round++) {
            for (SentimentGroup g : GROUPS) {
                if (g == SentimentGroup.NEUTRAL) {
                    continue;
                }
                double keep = bias[g.ordinal()];
                for (double b = -1.5; b <= 1.5001; b += 0.05) {
                    bias[g.ordinal()] = b;
                    double f = macroF1(groupP, tune, bias);
                    if (f > best + 1e-9) {
                        best = f;
                        keep = b;
                    }
                }
                bias[g.ordinal()] = keep;
            }
        }
        Map<SentimentGroup, Double> biasMap = new EnumMap<>(SentimentGroup.class);
        for (SentimentGroup g : GROUPS) {
            biasMap.put(g, Math.round(bias[g.ordinal()] * 100) / 100.0);
        }
        String notes = String.format("temperature and offsets fitted on %d held-out TRAIN rows;"
                + " mean NLL %.4f; macro-F1 there %.4f before offsets, %.4f after",
                tune.size(), bestNll / tune.size(), before, best);
        System.out.println(notes + " T=" + String.format("%.2f", bestT) + " bias=" + biasMap);
        return new TextModelCalibration(version, trainedAt, Math.round(bestT * 100) / 100.0, biasMap, notes);
    }

    private static double macroF1(double[][] groupP, List<GoEmotionsData.Row> rows, double[] bias) {
        GroupMetrics m = new GroupMetrics();
        for (int i = 0; i < rows.size(); i++) {
            m.add(rows.get(i).groups(), MoodMath.decide(groupP[i], bias));
        }
        return m.macroF1();
    }
}
