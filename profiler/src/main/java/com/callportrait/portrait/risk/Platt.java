package com.callportrait.portrait.risk;

/**
 * Platt scaling: a one-feature logistic fit {@code p' = 1 / (1 + exp(-(a * logit(p) + b)))} on a
 * calibration set, so a risk of 0.3 means about 30 in 100 such customers complain. Immutable.
 *
 * @param a slope
 * @param b intercept
 */
public record Platt(double a, double b) {
    public static final Platt IDENTITY = new Platt(1, 0);

    public double apply(double p) {
        return sigmoid(a * logit(p) + b);
    }

    /** Fits by Newton's method on the log loss (with Platt's target smoothing). */
    public static Platt fit(double[] p, boolean[] y) {
        long pos = 0;
        for (boolean v : y) {
            pos += v ? 1 : 0;
        }
        long neg = y.length - pos;
        if (pos == 0 || neg == 0) {
            return IDENTITY;
        }
        double hi = (pos + 1.0) / (pos + 2.0);
        double lo = 1.0 / (neg + 2.0);
        double a = 1;
        double b = 0;
        for (int iter = 0; iter < 50; iter++) {
            double g1 = 0, g2 = 0, h11 = 0, h12 = 0, h22 = 0;
            for (int i = 0; i < p.length; i++) {
                double x = logit(p[i]);
                double q = sigmoid(a * x + b);
                double t = y[i] ? hi : lo;
                double d = q - t;
                double w = Math.max(q * (1 - q), 1e-12);
                g1 += d * x;
                g2 += d;
                h11 += w * x * x;
                h12 += w * x;
                h22 += w;
            }
            h11 += 1e-9;
            h22 += 1e-9;
            double det = h11 * h22 - h12 * h12;
            if (Math.abs(det) < 1e-18) {
                break;
            }
            double da = (h22 * g1 - h12 * g2) / det;
            double db = (h11 * g2 - h12 * g1) / det;
            a -= da;
            b -= db;
            if (Math.abs(da) + Math.abs(db) < 1e-9) {
                break;
            }
        }
        return new Platt(a, b);
    }

    static double logit(double p) {
        double q = Math.min(1 - 1e-9, Math.max(1e-9, p));
        return Math.log(q / (1 - q));
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
