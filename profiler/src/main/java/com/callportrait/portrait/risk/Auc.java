package com.callportrait.portrait.risk;

import java.util.Arrays;
import java.util.Comparator;

/** Area under the ROC curve by the rank statistic, ties sharing their average rank. Stateless. */
public final class Auc {
    private Auc() {
    }

    /** {@code NaN} when one class is absent. */
    public static double of(double[] scores, boolean[] positive) {
        int n = scores.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble(i -> scores[i]));
        double rankSumPos = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[idx[j + 1]] == scores[idx[i]]) {
                j++;
            }
            double avgRank = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                if (positive[idx[t]]) {
                    rankSumPos += avgRank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /** Mean squared error of probabilities. */
    public static double brier(double[] p, boolean[] y) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            double t = (y[i] ? 1 : 0) - p[i];
            s += t * t;
        }
        return p.length == 0 ? Double.NaN : s / p.length;
    }
}
