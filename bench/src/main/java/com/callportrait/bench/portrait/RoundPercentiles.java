package com.callportrait.bench.portrait;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Latency samples grouped by round (one round = the calls that overlapped), with the pooled
 * percentile and a bootstrap interval that resamples whole rounds: the calls of one round share a
 * moment of the machine (a GC pause, a burst of the training), so they are not independent, the
 * rounds are. Not thread-safe; one per phase.
 */
public final class RoundPercentiles {
    private final List<long[]> rounds = new ArrayList<>();

    /** Adds one round's samples in nanoseconds. */
    public void add(List<Long> nanos) {
        rounds.add(nanos.stream().mapToLong(Long::longValue).toArray());
    }

    public int rounds() {
        return rounds.size();
    }

    public int samples() {
        return rounds.stream().mapToInt(r -> r.length).sum();
    }

    /** The pooled q-quantile (0..1) in milliseconds (nearest rank), NaN when empty. */
    public double quantileMs(double q) {
        return quantileMs(pooled(rounds), q);
    }

    /** Each round's own q-quantile, in milliseconds. */
    public double[] perRoundMs(double q) {
        return rounds.stream().mapToDouble(r -> quantileMs(r, q)).toArray();
    }

    /**
     * The 2.5 % and 97.5 % points of the pooled q-quantile over {@code n} resamples of whole rounds
     * (seeded: the same data gives the same interval).
     */
    public double[] bootstrapMs(double q, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] est = new double[n];
        for (int i = 0; i < n; i++) {
            est[i] = quantileMs(pooled(resample(r)), q);
        }
        Arrays.sort(est);
        return new double[] {est[(int) (0.025 * (n - 1))], est[(int) Math.ceil(0.975 * (n - 1))]};
    }

    /**
     * The 2.5 % and 97.5 % points of {@code loaded}'s q-quantile divided by {@code idle}'s, both
     * phases resampled by rounds independently.
     */
    public static double[] ratioInterval(RoundPercentiles loaded, RoundPercentiles idle, double q, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] est = new double[n];
        for (int i = 0; i < n; i++) {
            est[i] = quantileMs(pooled(loaded.resample(r)), q) / quantileMs(pooled(idle.resample(r)), q);
        }
        Arrays.sort(est);
        return new double[] {est[(int) (0.025 * (n - 1))], est[(int) Math.ceil(0.975 * (n - 1))]};
    }

    private List<long[]> resample(SplittableRandom r) {
        List<long[]> out = new ArrayList<>(rounds.size());
        for (int i = 0; i < rounds.size(); i++) {
            out.add(rounds.get(r.nextInt(rounds.size())));
        }
        return out;
    }

    private static long[] pooled(List<long[]> rs) {
        return rs.stream().flatMapToLong(Arrays::stream).toArray();
    }

    private static double quantileMs(long[] nanos, double q) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        long[] s = nanos.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(q * s.length) - 1;
        return s[Math.max(0, Math.min(i, s.length - 1))] / 1e6;
    }
}
