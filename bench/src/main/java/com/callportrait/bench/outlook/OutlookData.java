package com.callportrait.bench.outlook;

import com.callportrait.portrait.engine.BatchBuild;
import com.callportrait.portrait.engine.BuildListener;
import com.callportrait.portrait.engine.PortraitConfig;
import com.callportrait.portrait.features.CustomerHistory;
import com.callportrait.portrait.gen.GeneratorOptions;
import com.callportrait.portrait.gen.SyntheticSource;
import com.callportrait.portrait.risk.Auc;
import com.callportrait.portrait.risk.Reliability;
import com.callportrait.profile.memory.InMemoryProfileStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Generated histories for the outlook benchmarks, split into two disjoint customer halves by id
 * hash (train on one, test on the other, later in time), plus the metric printing both share.
 * Single use; not thread-safe.
 */
final class OutlookData {
    /**
     * Days of generated history: a year and a half, so that even the earliest training snapshot sees
     * a full year behind it (the 365-day features are then computed alike for training and test).
     */
    static final int DAYS = 545;
    final List<CustomerHistory> train = new ArrayList<>();
    final List<CustomerHistory> test = new ArrayList<>();

    private OutlookData() {
    }

    /** Builds {@code customers} generated customers (seed, about 16 contacts a customer-year, {@code days} of history). */
    static OutlookData generate(PortraitConfig config, long seed, int customers, int days) {
        GeneratorOptions data = GeneratorOptions.builder().seed(seed).customers(customers).days(days).build();
        BatchBuild.Result r = new BatchBuild(config, InMemoryProfileStore.create(), 2_000, 2)
                .run(List.of(new SyntheticSource(data)), data.end(), null, BuildListener.NONE, null);
        List<CustomerHistory> all = new ArrayList<>(r.histories().all());
        all.sort(Comparator.comparing(CustomerHistory::customerId));
        OutlookData d = new OutlookData();
        for (CustomerHistory h : all) {
            (Math.floorMod(h.customerId().hashCode() * 31 + 7, 2) == 0 ? d.train : d.test).add(h);
        }
        return d;
    }

    static void line(String what, double[] p, boolean[] y) {
        List<Reliability.Bin> bins = Reliability.bins(p, y, 10);
        System.out.printf(Locale.ROOT, "  %-34s auc=%.3f brier=%.4f ece=%.4f%n", what, Auc.of(p, y), Auc.brier(p, y),
                Reliability.ece(bins));
    }

    static void bins(String what, double[] p, boolean[] y) {
        System.out.println("  reliability (" + what + "): bin  n  mean_predicted  observed");
        for (Reliability.Bin b : Reliability.bins(p, y, 10)) {
            System.out.printf(Locale.ROOT, "    [%.1f,%.1f)  %6d  %.3f  %.3f%n", b.from(), b.to(), b.n(), b.meanPredicted(),
                    b.observed());
        }
    }

    static double rate(boolean[] y) {
        int n = 0;
        for (boolean b : y) {
            n += b ? 1 : 0;
        }
        return y.length == 0 ? Double.NaN : n / (double) y.length;
    }

    static double[] constant(int n, double v) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, v);
        return out;
    }
}
