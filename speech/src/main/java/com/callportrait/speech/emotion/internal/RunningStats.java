package com.callportrait.speech.emotion.internal;

/**
 * Welford's running mean and variance of one prosodic measure over a caller's previous
 * utterances, shrunk towards a prior spread so that the first few utterances do not produce huge
 * z-scores: the variance is {@code (k * priorSd^2 + M2) / (k + n - 1)} with {@code k} prior
 * pseudo-observations. Until the first observation the mean is unknown and every z-score is 0
 * (unless a prior mean is given). Not thread-safe (owned by one call's analyzer).
 */
public final class RunningStats {

    private final double priorSd;
    private final double priorWeight;
    private long n;
    private double mean;
    private double m2;

    /**
     * @param priorMean   mean before any observation, or NaN for "this caller's first value"
     * @param priorSd     spread assumed before there is evidence, &gt; 0
     * @param priorWeight how many observations the prior spread is worth
     */
    public RunningStats(double priorMean, double priorSd, double priorWeight) {
        if (!(priorSd > 0) || !(priorWeight > 0)) {
            throw new IllegalArgumentException("prior spread and weight must be > 0");
        }
        this.priorSd = priorSd;
        this.priorWeight = priorWeight;
        this.mean = priorMean;
    }

    /** Deviation of {@code x} from the mean in (shrunk) standard deviations, clamped to ±5. */
    public double z(double x) {
        if (Double.isNaN(mean) || Double.isNaN(x)) {
            return 0;
        }
        double var = (priorWeight * priorSd * priorSd + m2) / (priorWeight + Math.max(n - 1, 0));
        return MoodMath.clamp((x - mean) / Math.sqrt(var), -5, 5);
    }

    /** Folds {@code x} into the baseline (NaN is ignored). */
    public void add(double x) {
        if (Double.isNaN(x)) {
            return;
        }
        if (n == 0 && Double.isNaN(mean)) {
            mean = x;
            n = 1;
            return;
        }
        if (n == 0) {
            // A prior mean counts as one pseudo-observation, then real data takes over.
            n = 1;
        }
        n++;
        double delta = x - mean;
        mean += delta / n;
        m2 += delta * (x - mean);
    }

    public long count() {
        return n;
    }

    public double mean() {
        return mean;
    }
}
