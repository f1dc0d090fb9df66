package com.callportrait.speech.emotion.internal;

import com.callportrait.speech.emotion.SentimentGroup;
import com.callportrait.speech.emotion.TextClass;

/**
 * The arithmetic shared by the trainer (when it fits the calibration) and the live model (when it
 * applies it), so both compute exactly the same thing. Stateless.
 */
public final class MoodMath {

    private static final TextClass[] CLASSES = TextClass.values();
    private static final SentimentGroup[] GROUPS = SentimentGroup.values();

    private MoodMath() {
    }

    /** Softmax of {@code logits / temperature}, indexed by {@link TextClass#ordinal()}. */
    public static double[] softmax(double[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            max = Math.max(max, l);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            p[i] = Math.exp((logits[i] - max) / temperature);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** Class probabilities summed into group probabilities, indexed by {@link SentimentGroup#ordinal()}. */
    public static double[] groupProbabilities(double[] classProbabilities) {
        double[] g = new double[GROUPS.length];
        for (TextClass c : CLASSES) {
            g[c.group().ordinal()] += classProbabilities[c.ordinal()];
        }
        return g;
    }

    /** The group with the highest {@code log(p) + bias}. */
    public static SentimentGroup decide(double[] groupProbabilities, double[] bias) {
        SentimentGroup best = SentimentGroup.NEUTRAL;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (SentimentGroup g : GROUPS) {
            double s = Math.log(Math.max(groupProbabilities[g.ordinal()], 1e-12)) + bias[g.ordinal()];
            if (s > bestScore) {
                bestScore = s;
                best = g;
            }
        }
        return best;
    }

    /** The calibration's offsets as an array indexed by {@link SentimentGroup#ordinal()}. */
    public static double[] biasArray(TextModelCalibration calibration) {
        double[] b = new double[GROUPS.length];
        for (SentimentGroup g : GROUPS) {
            b[g.ordinal()] = calibration.bias(g);
        }
        return b;
    }

    /** Clamps {@code v} into [lo, hi]. */
    public static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
