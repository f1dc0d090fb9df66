package com.callportrait.speech.emotion.train;

import com.callportrait.speech.emotion.SentimentGroup;
import java.util.Set;

/**
 * Precision, recall and F1 per sentiment group for single-label predictions against multi-label
 * gold sets, counted like the GoEmotions paper's multi-label evaluation: for each group, a
 * prediction of it is a true positive when the group is in the row's gold set, else a false
 * positive; every gold group not predicted is a false negative. A row carrying two groups can
 * therefore never be fully right with one prediction (about 8% of dev rows).
 *
 * <p>The confusion matrix puts a row under the predicted group when that group is gold, else under
 * its first gold group (in enum order). Not thread-safe.
 */
public final class GroupMetrics {

    private static final int N = SentimentGroup.values().length;

    private final long[] tp = new long[N];
    private final long[] fp = new long[N];
    private final long[] fn = new long[N];
    private final long[][] confusion = new long[N][N];
    private long rows;
    private long exact;

    /** Adds one row. */
    public void add(Set<SentimentGroup> gold, SentimentGroup predicted) {
        rows++;
        int p = predicted.ordinal();
        if (gold.contains(predicted)) {
            tp[p]++;
            confusion[p][p]++;
            if (gold.size() == 1) {
                exact++;
            }
        } else {
            fp[p]++;
            confusion[gold.iterator().next().ordinal()][p]++;
        }
        for (SentimentGroup g : gold) {
            if (g != predicted) {
                fn[g.ordinal()]++;
            }
        }
    }

    public double precision(SentimentGroup g) {
        int i = g.ordinal();
        return tp[i] + fp[i] == 0 ? 0 : (double) tp[i] / (tp[i] + fp[i]);
    }

    public double recall(SentimentGroup g) {
        int i = g.ordinal();
        return tp[i] + fn[i] == 0 ? 0 : (double) tp[i] / (tp[i] + fn[i]);
    }

    public double f1(SentimentGroup g) {
        double p = precision(g);
        double r = recall(g);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Unweighted mean of the four F1 scores. */
    public double macroF1() {
        double s = 0;
        for (SentimentGroup g : SentimentGroup.values()) {
            s += f1(g);
        }
        return s / N;
    }

    /** Share of rows whose prediction is one of their gold groups. */
    public double accuracy() {
        long hits = 0;
        for (int i = 0; i < N; i++) {
            hits += tp[i];
        }
        return rows == 0 ? 0 : (double) hits / rows;
    }

    public long rows() {
        return rows;
    }

    /** {@code confusion()[gold][predicted]}, see the class comment. */
    public long[][] confusion() {
        long[][] c = new long[N][];
        for (int i = 0; i < N; i++) {
            c[i] = confusion[i].clone();
        }
        return c;
    }

    /** One line: macro-F1 and per-group F1. */
    public String summary() {
        StringBuilder sb = new StringBuilder(String.format("macroF1=%.4f acc=%.4f", macroF1(), accuracy()));
        for (SentimentGroup g : SentimentGroup.values()) {
            sb.append(String.format(" %s=%.3f", g.wireName(), f1(g)));
        }
        return sb.toString();
    }
}
