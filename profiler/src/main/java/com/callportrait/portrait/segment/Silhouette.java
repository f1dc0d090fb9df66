package com.callportrait.portrait.segment;

/**
 * Mean silhouette coefficient of a clustering (Rousseeuw 1987) under Euclidean distance: for each
 * point, (b - a) / max(a, b) with a the mean distance to its own cluster and b the smallest mean
 * distance to another cluster. O(n^2): callers pass a sample. Stateless.
 */
public final class Silhouette {
    private Silhouette() {
    }

    public static double of(double[][] points, int[] cluster, int k) {
        int n = points.length;
        double total = 0;
        int counted = 0;
        int[] sizes = new int[k];
        for (int c : cluster) {
            sizes[c]++;
        }
        double[] sums = new double[k];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(sums, 0);
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    sums[cluster[j]] += distance(points[i], points[j]);
                }
            }
            int own = cluster[i];
            if (sizes[own] < 2) {
                continue; // a singleton's silhouette is defined as 0
            }
            double a = sums[own] / (sizes[own] - 1);
            double b = Double.MAX_VALUE;
            for (int c = 0; c < k; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, sums[c] / sizes[c]);
                }
            }
            if (b == Double.MAX_VALUE) {
                continue;
            }
            total += (b - a) / Math.max(a, b);
            counted++;
        }
        return counted == 0 ? 0 : total / n;
    }

    static double distance(double[] x, double[] y) {
        double s = 0;
        for (int d = 0; d < x.length; d++) {
            double t = x[d] - y[d];
            s += t * t;
        }
        return Math.sqrt(s);
    }
}
