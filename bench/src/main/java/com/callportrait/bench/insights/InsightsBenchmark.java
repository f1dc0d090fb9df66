package com.callportrait.bench.insights;

import com.callportrait.portrait.engine.BatchBuild;
import com.callportrait.portrait.engine.BuildListener;
import com.callportrait.portrait.engine.PortraitConfig;
import com.callportrait.portrait.gen.GeneratorOptions;
import com.callportrait.portrait.gen.SyntheticSource;
import com.callportrait.portrait.insights.AgentFeatures;
import com.callportrait.portrait.insights.AgentGroups;
import com.callportrait.portrait.insights.Agreement;
import com.callportrait.portrait.insights.AssociationRules;
import com.callportrait.portrait.insights.ContactLog;
import com.callportrait.portrait.insights.DemandHeat;
import com.callportrait.portrait.insights.HourlyForecast;
import com.callportrait.portrait.insights.Insights;
import com.callportrait.profile.memory.InMemoryProfileStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Held-out evaluation of every insight on generated data. The split time {@code T} is
 * {@value #HELD_OUT_WEEKS} weeks before the end of the data: models and rankings see only contacts
 * before {@code T}, metrics are taken on the weeks after it. One run per invocation; not thread-safe.
 */
public final class InsightsBenchmark {
    static final int HELD_OUT_WEEKS = 4;
    static final int BOOTSTRAPS = 30;
    private static final long WEEK = 7 * 86_400L;

    private final PrintWriter out;
    private final ContactLog log;
    private final Map<String, Set<String>> items;
    private final long end;
    private final long split;

    private InsightsBenchmark(PrintWriter out, ContactLog log, Map<String, Set<String>> items, long end) {
        this.out = out;
        this.log = log;
        this.items = items;
        this.end = end;
        this.split = end - HELD_OUT_WEEKS * WEEK;
    }

    public static void run(PortraitConfig config, int customers, long interactions, PrintWriter out) {
        long t0 = System.nanoTime();
        GeneratorOptions data = GeneratorOptions.of(42, customers, interactions);
        ContactLog log = new ContactLog(config.emotions());
        BatchBuild.Result r = new BatchBuild(config, InMemoryProfileStore.create(), 40_000, 2)
                .run(List.of(new SyntheticSource(data)), GeneratorOptions.DEFAULT_END, null, BuildListener.NONE, log);
        Map<String, Set<String>> items = Insights.items(r.histories().all());
        out.printf("data: %,d customers, %,d contacts in the log, seed 42, end %s; build %.1f s%n", customers,
                log.size(), GeneratorOptions.DEFAULT_END, (System.nanoTime() - t0) / 1e9);
        long c0 = System.nanoTime();
        Insights all = Insights.compute(log, items, GeneratorOptions.DEFAULT_END);
        out.printf("Insights.compute (groups + rules + heat + forecast) on the whole log: %.0f ms, %d rules%n",
                (System.nanoTime() - c0) / 1e6, all.rules().size());
        InsightsBenchmark b = new InsightsBenchmark(out, log, items, GeneratorOptions.DEFAULT_END.getEpochSecond());
        b.agentGroups();
        b.rules();
        b.heat();
        b.forecast();
        out.flush();
    }

    private void agentGroups() {
        int[] train = AgentFeatures.window(log, split - Insights.AGENT_WEEKS * WEEK, split);
        int[] test = AgentFeatures.window(log, split, end);
        List<AgentFeatures> f = AgentFeatures.of(log, train, AgentGroups.DEFAULT_MIN_CONTACTS);
        AgentGroups.Grouping g = AgentGroups.train(f, AgentGroups.DEFAULT_SEED);
        int[] km = labels(f, g.groupOf());
        int[] base = tertiles(f);
        // stability: bootstrap the training contacts, regroup, compare with the full-data groups
        SplittableRandom rnd = new SplittableRandom(7);
        double[] ariKm = new double[BOOTSTRAPS];
        double[] ariBase = new double[BOOTSTRAPS];
        for (int b = 0; b < BOOTSTRAPS; b++) {
            int[] sample = new int[train.length];
            for (int i = 0; i < sample.length; i++) {
                sample[i] = train[rnd.nextInt(train.length)];
            }
            List<AgentFeatures> fb = AgentFeatures.of(log, sample, AgentGroups.DEFAULT_MIN_CONTACTS);
            AgentGroups.Grouping gb = AgentGroups.train(fb, AgentGroups.DEFAULT_SEED + b);
            ariKm[b] = Agreement.adjustedRand(km, labels(f, gb.groupOf()));
            ariBase[b] = Agreement.adjustedRand(base, tertiles(align(f, fb)));
        }
        // separation: the held-out weeks' own figures, scored with the training standardisation
        List<AgentFeatures> held = AgentFeatures.of(log, test, 1);
        Map<String, AgentFeatures> heldBy = new java.util.HashMap<>();
        held.forEach(a -> heldBy.put(a.agent(), a));
        double[] score = new double[f.size()];
        double[] fcr = new double[f.size()];
        for (int i = 0; i < f.size(); i++) {
            AgentFeatures h = heldBy.get(f.get(i).agent());
            score[i] = h == null ? Double.NaN : g.score(h);
            fcr[i] = h == null ? Double.NaN : h.fcr();
        }
        out.printf("%n== Agent performance groups (%d agents; groups from the %d weeks before T, measured on the %d weeks"
                + " after) ==%n", f.size(), Insights.AGENT_WEEKS, HELD_OUT_WEEKS);
        out.printf("group sizes high/middle/low: %s%n", g.members().values().stream().map(List::size).toList());
        out.printf("stability, adjusted Rand vs full-data groups over %d bootstrap resamples: K-means %.3f (min %.3f);"
                + " baseline survey-mean tertiles %.3f (min %.3f)%n", BOOTSTRAPS, mean(ariKm), min(ariKm),
                mean(ariBase), min(ariBase));
        out.printf("held-out separation, eta^2 of the agents' held-out group score by group: K-means %.3f; tertiles"
                + " %.3f%n", eta2(score, km), eta2(score, base));
        out.printf("held-out separation, eta^2 of held-out first-contact resolution: K-means %.3f; tertiles %.3f%n",
                eta2(fcr, km), eta2(fcr, base));
        out.printf("held-out FCR high - low: K-means %.1f points; tertiles %.1f points%n",
                100 * (groupMean(fcr, km, 0) - groupMean(fcr, km, 2)), 100 * (groupMean(fcr, base, 0)
                        - groupMean(fcr, base, 2)));
    }

    private void rules() {
        long heldTo = end;
        List<AssociationRules.Basket> train = AssociationRules.baskets(log, split - Insights.RULE_WEEKS * WEEK, split,
                items);
        List<AssociationRules.Basket> test = AssociationRules.baskets(log, split, heldTo, items);
        List<AssociationRules.Rule> rules = AssociationRules.mine(train, AssociationRules.Options.DEFAULT);
        out.printf("%n== Association rules (mined on the %d weeks before T over %,d customers, checked on the %d weeks"
                + " after) ==%n", Insights.RULE_WEEKS, train.size(), HELD_OUT_WEEKS);
        for (int top : new int[] {10, 20, rules.size()}) {
            List<AssociationRules.Rule> r = rules.subList(0, Math.min(top, rules.size()));
            double[] lift = new double[r.size()];
            double[] conf = new double[r.size()];
            double[] baseRate = new double[r.size()];
            int held = 0;
            for (int i = 0; i < r.size(); i++) {
                double[] m = heldOut(r.get(i), test);
                conf[i] = m[0];
                baseRate[i] = m[1];
                lift[i] = m[0] / m[1];
                held += lift[i] > 1 ? 1 : 0;
            }
            out.printf("top %d by training lift: held-out lift mean %.2f (median %.2f, training %.2f); held-out"
                    + " confidence %.1f%% vs base rate of the same reasons %.1f%%; %d of %d keep lift > 1%n", r.size(),
                    mean(lift), median(lift), r.stream().mapToDouble(AssociationRules.Rule::lift).average().orElse(0),
                    100 * mean(conf), 100 * mean(baseRate), held, r.size());
        }
        rules.stream().filter(x -> x.antecedent().size() == 1 && x.antecedent().get(0).startsWith("plan:"))
                .sorted(Comparator.comparingDouble(AssociationRules.Rule::lift).reversed()).limit(6)
                .forEach(x -> {
                    double[] m = heldOut(x, test);
                    out.printf("  %-36s training lift %.2f conf %.1f%% -> held-out lift %.2f conf %.1f%%%n", x,
                            x.lift(), 100 * x.confidence(), m[0] / m[1], 100 * m[0]);
                });
    }

    /** {held-out confidence, held-out base rate of the reason}. */
    private static double[] heldOut(AssociationRules.Rule r, List<AssociationRules.Basket> test) {
        int with = 0;
        int both = 0;
        int reason = 0;
        for (AssociationRules.Basket b : test) {
            boolean has = b.reasons().contains(r.reason());
            reason += has ? 1 : 0;
            if (r.matches(b.items())) {
                with++;
                both += has ? 1 : 0;
            }
        }
        return new double[] {with == 0 ? 0 : (double) both / with, (double) reason / test.size()};
    }

    private void heat() {
        out.printf("%n== Demand heat (ranking of topics by last-7-day volume, checked on the following week) ==%n");
        double[] rhoHeat = new double[HELD_OUT_WEEKS];
        double[] rhoBase = new double[HELD_OUT_WEEKS];
        double[] maeHeat = new double[HELD_OUT_WEEKS];
        double[] maeBase = new double[HELD_OUT_WEEKS];
        for (int w = 0; w < HELD_OUT_WEEKS; w++) {
            long at = split + w * WEEK;
            DemandHeat.Heat now = DemandHeat.of(log, at);
            DemandHeat.Heat next = DemandHeat.of(log, at + WEEK);
            List<String> topics = now.byVolume().stream().map(DemandHeat.TopicHeat::topic).toList();
            double[] last = new double[topics.size()];
            double[] avg4 = new double[topics.size()];
            double[] actual = new double[topics.size()];
            for (int i = 0; i < topics.size(); i++) {
                last[i] = now.byVolume().get(i).lastWeek();
                avg4[i] = Arrays.stream(now.daily().get(topics.get(i))).sum() / 4.0;
                String t = topics.get(i);
                actual[i] = next.byVolume().stream().filter(h -> h.topic().equals(t)).findFirst()
                        .map(DemandHeat.TopicHeat::lastWeek).orElse(0);
            }
            rhoHeat[w] = spearman(last, actual);
            rhoBase[w] = spearman(avg4, actual);
            maeHeat[w] = mae(last, actual);
            maeBase[w] = mae(avg4, actual);
        }
        out.printf("over %d held-out weeks: Spearman rank correlation with next week's volume: last 7 days %.3f; baseline"
                + " 4-week mean %.3f%n", HELD_OUT_WEEKS, mean(rhoHeat), mean(rhoBase));
        out.printf("next week's contacts per topic, MAE: last 7 days %.1f; 4-week mean %.1f%n", mean(maeHeat),
                mean(maeBase));
    }

    private void forecast() {
        out.printf("%n== Hourly call forecast (hour-of-week mean of %d weeks vs naive same-hour-last-week) ==%n",
                HourlyForecast.DEFAULT_WEEKS);
        var calls = HourlyForecast.calls(log);
        double[][] s = new double[HELD_OUT_WEEKS][];
        double[][] n = new double[HELD_OUT_WEEKS][];
        long total = 0;
        for (int w = 0; w < HELD_OUT_WEEKS; w++) {
            long start = split + w * WEEK;
            int[] actual = HourlyForecast.counts(log, start, calls);
            total += Arrays.stream(actual).sum();
            HourlyForecast.Error se = HourlyForecast.error(HourlyForecast.fit(log, start, HourlyForecast.DEFAULT_WEEKS,
                    calls).mean(), actual);
            HourlyForecast.Error ne = HourlyForecast.error(HourlyForecast.naive(log, start, calls), actual);
            s[w] = new double[] {se.mae(), se.mape(), se.wape()};
            n[w] = new double[] {ne.mae(), ne.mape(), ne.wape()};
            out.printf("week %d: seasonal MAE %.2f MAPE %.1f%% WAPE %.1f%% | naive MAE %.2f MAPE %.1f%% WAPE %.1f%%%n",
                    w + 1, se.mae(), 100 * se.mape(), 100 * se.wape(), ne.mae(), 100 * ne.mape(), 100 * ne.wape());
        }
        out.printf("mean over %d held-out weeks (%.0f calls/hour on average): seasonal MAE %.2f, MAPE %.1f%%, WAPE"
                + " %.1f%%; naive MAE %.2f, MAPE %.1f%%, WAPE %.1f%% (MAPE over hours with >= %d calls)%n",
                HELD_OUT_WEEKS, total / (HELD_OUT_WEEKS * 168.0), col(s, 0), 100 * col(s, 1), 100 * col(s, 2),
                col(n, 0), 100 * col(n, 1), 100 * col(n, 2), HourlyForecast.MAPE_MIN);
    }

    private static int[] labels(List<AgentFeatures> agents, Map<String, String> groupOf) {
        return agents.stream().mapToInt(a -> AgentGroups.NAMES.indexOf(groupOf.getOrDefault(a.agent(), "middle")))
                .toArray();
    }

    /** Baseline groups: tertiles of the survey mean (0 = top third). */
    private static int[] tertiles(List<AgentFeatures> f) {
        Integer[] order = new Integer[f.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -f.get(i).survey()).thenComparing(i -> i));
        int[] l = new int[f.size()];
        for (int r = 0; r < order.length; r++) {
            l[order[r]] = Math.min(2, 3 * r / order.length);
        }
        return l;
    }

    /** The resample's features in the order of the full-data agents (an agent missing keeps its full figure). */
    private static List<AgentFeatures> align(List<AgentFeatures> full, List<AgentFeatures> sample) {
        Map<String, AgentFeatures> by = new java.util.HashMap<>();
        sample.forEach(a -> by.put(a.agent(), a));
        List<AgentFeatures> out = new ArrayList<>();
        full.forEach(a -> out.add(by.getOrDefault(a.agent(), a)));
        return out;
    }

    private static double eta2(double[] y, int[] g) {
        double all = 0;
        int n = 0;
        for (double v : y) {
            if (!Double.isNaN(v)) {
                all += v;
                n++;
            }
        }
        all /= n;
        double total = 0;
        double between = 0;
        for (int k = 0; k < 3; k++) {
            double m = groupMean(y, g, k);
            int c = 0;
            for (int i = 0; i < y.length; i++) {
                c += g[i] == k && !Double.isNaN(y[i]) ? 1 : 0;
            }
            between += c == 0 ? 0 : c * (m - all) * (m - all);
        }
        for (double v : y) {
            total += Double.isNaN(v) ? 0 : (v - all) * (v - all);
        }
        return between / total;
    }

    private static double groupMean(double[] y, int[] g, int k) {
        double s = 0;
        int c = 0;
        for (int i = 0; i < y.length; i++) {
            if (g[i] == k && !Double.isNaN(y[i])) {
                s += y[i];
                c++;
            }
        }
        return c == 0 ? Double.NaN : s / c;
    }

    private static double spearman(double[] a, double[] b) {
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double ma = mean(ra);
        double mb = mean(rb);
        double num = 0;
        double da = 0;
        double db = 0;
        for (int i = 0; i < a.length; i++) {
            num += (ra[i] - ma) * (rb[i] - mb);
            da += (ra[i] - ma) * (ra[i] - ma);
            db += (rb[i] - mb) * (rb[i] - mb);
        }
        return num / Math.sqrt(da * db);
    }

    private static double[] ranks(double[] v) {
        Integer[] o = new Integer[v.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = i;
        }
        Arrays.sort(o, Comparator.comparingDouble(i -> v[i]));
        double[] r = new double[v.length];
        for (int i = 0; i < o.length; ) {
            int j = i;
            while (j + 1 < o.length && v[o[j + 1]] == v[o[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                r[o[k]] = (i + j) / 2.0;
            }
            i = j + 1;
        }
        return r;
    }

    private static double mae(double[] p, double[] a) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s += Math.abs(p[i] - a[i]);
        }
        return s / p.length;
    }

    private static double col(double[][] m, int c) {
        return Arrays.stream(m).mapToDouble(r -> r[c]).average().orElse(Double.NaN);
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
