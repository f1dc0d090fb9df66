package com.callportrait.portrait.risk;

import java.util.ArrayList;
import java.util.List;

/**
 * Reliability (calibration) bins: predictions grouped into equal-width probability bins, each with
 * its mean prediction and the observed rate, so "0.3" can be checked against about 30 in 100.
 * Stateless.
 */
public final class Reliability {
    /** One bin: predictions in {@code [from, to)}. */
    public record Bin(double from, double to, int n, double meanPredicted, double observed) { }

    private Reliability() {
    }

    /** Non-empty bins of {@code bins} equal widths over [0, 1]. */
    public static List<Bin> bins(double[] p, boolean[] y, int bins) {
        int[] n = new int[bins];
        double[] sum = new double[bins];
        int[] pos = new int[bins];
        for (int i = 0; i < p.length; i++) {
            int b = Math.min(bins - 1, (int) (p[i] * bins));
            n[b]++;
            sum[b] += p[i];
            pos[b] += y[i] ? 1 : 0;
        }
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            if (n[b] > 0) {
                out.add(new Bin(b / (double) bins, (b + 1) / (double) bins, n[b], sum[b] / n[b], pos[b] / (double) n[b]));
            }
        }
        return out;
    }

    /** Expected calibration error: the bin-size-weighted mean |predicted - observed|. */
    public static double ece(List<Bin> bins) {
        long total = 0;
        double s = 0;
        for (Bin b : bins) {
            total += b.n();
            s += b.n() * Math.abs(b.meanPredicted() - b.observed());
        }
        return total == 0 ? Double.NaN : s / total;
    }
}
