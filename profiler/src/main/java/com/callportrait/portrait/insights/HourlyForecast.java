package com.callportrait.portrait.insights;

import java.util.function.IntPredicate;

/**
 * Contact volume per hour for the next week, by the seasonal baseline "hour-of-week mean": the
 * forecast for hour {@code h} after {@code start} is the mean of the counts at the same hour of
 * each of the {@code weeks} weeks before, with an 80% band of {@code mean +- 1.28 sd} (sd across
 * those weeks, at least the Poisson {@code sqrt(mean)}). Weeks are counted back from
 * {@code start} in 168-hour steps (a daylight-saving change moves one hour by one slot; fine for a
 * staffing view). The naive baseline it is measured against is last week's count at the same hour.
 * Stateless and thread-safe.
 */
public final class HourlyForecast {
    public static final int HOURS = 168;
    public static final int DEFAULT_WEEKS = 4;
    private static final long WEEK = 7 * 86_400L;

    /**
     * A forecast of the 168 hours from {@code start}. Immutable (arrays are not copied: do not write).
     *
     * @param start  epoch seconds of the first forecast hour
     * @param weeks  past weeks averaged
     * @param mean   expected contacts per hour
     * @param low    lower edge of the 80% band
     * @param high   upper edge of the 80% band
     */
    public record Forecast(long start, int weeks, double[] mean, double[] low, double[] high) { }

    /**
     * Held-out error of one forecast week. Immutable.
     *
     * @param mae    mean absolute error per hour
     * @param mape   mean absolute percentage error over the hours with at least {@value #MAPE_MIN} contacts
     * @param wape   sum of absolute errors / sum of actual contacts
     */
    public record Error(double mae, double mape, double wape) { }

    /** Hours with fewer actual contacts are left out of MAPE (a 1-vs-2 hour is 100% of nothing). */
    public static final int MAPE_MIN = 5;

    private HourlyForecast() {
    }

    /** Counts of the matching contacts per hour in the 168 hours from {@code start}. */
    public static int[] counts(ContactLog log, long start, IntPredicate which) {
        int[] c = new int[HOURS];
        for (int i = 0; i < log.size(); i++) {
            long d = log.at(i) - start;
            if (d >= 0 && d < WEEK && which.test(i)) {
                c[(int) (d / 3600)]++;
            }
        }
        return c;
    }

    /** Voice contacts ("calls"). */
    public static IntPredicate calls(ContactLog log) {
        return i -> "voice".equals(log.channel(i));
    }

    public static Forecast fit(ContactLog log, long start, int weeks, IntPredicate which) {
        if (weeks < 1) {
            throw new IllegalArgumentException("weeks must be >= 1, was " + weeks);
        }
        double[][] past = new double[weeks][];
        for (int w = 0; w < weeks; w++) {
            int[] c = counts(log, start - (w + 1) * WEEK, which);
            past[w] = new double[HOURS];
            for (int h = 0; h < HOURS; h++) {
                past[w][h] = c[h];
            }
        }
        double[] mean = new double[HOURS];
        double[] low = new double[HOURS];
        double[] high = new double[HOURS];
        for (int h = 0; h < HOURS; h++) {
            double m = 0;
            for (double[] p : past) {
                m += p[h] / weeks;
            }
            double v = 0;
            for (double[] p : past) {
                v += (p[h] - m) * (p[h] - m) / Math.max(1, weeks - 1);
            }
            double sd = Math.max(Math.sqrt(v), Math.sqrt(m));
            mean[h] = m;
            low[h] = Math.max(0, m - 1.28 * sd);
            high[h] = m + 1.28 * sd;
        }
        return new Forecast(start, weeks, mean, low, high);
    }

    /** The naive forecast: the same hour one week earlier. */
    public static double[] naive(ContactLog log, long start, IntPredicate which) {
        int[] c = counts(log, start - WEEK, which);
        double[] d = new double[HOURS];
        for (int h = 0; h < HOURS; h++) {
            d[h] = c[h];
        }
        return d;
    }

    public static Error error(double[] predicted, int[] actual) {
        double abs = 0;
        double total = 0;
        double pct = 0;
        int pctN = 0;
        for (int h = 0; h < HOURS; h++) {
            double e = Math.abs(predicted[h] - actual[h]);
            abs += e;
            total += actual[h];
            if (actual[h] >= MAPE_MIN) {
                pct += e / actual[h];
                pctN++;
            }
        }
        return new Error(abs / HOURS, pctN == 0 ? Double.NaN : pct / pctN, total == 0 ? Double.NaN : abs / total);
    }
}
