package com.callportrait.portrait.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The explicit preprocessing steps of {@code features.yaml}, fitted on a population and then
 * applied unchanged to every customer, in this order: fill missing values, {@code log1p} the
 * skewed counts and amounts, scale (z-score or min-max), clip. Immutable, thread-safe and
 * serialisable (it is saved with the models it fed).
 *
 * @param names  feature names in rule order
 * @param fill   value used for a missing ({@code NaN}) feature
 * @param log    whether the feature is log1p-transformed
 * @param center subtracted after the transform (mean, or min for min-max)
 * @param scale  divisor after centring (standard deviation, or range), never 0
 * @param clip   bound on |value| after scaling, 0 = off
 */
public record Preprocessor(List<String> names, double[] fill, boolean[] log, double[] center, double[] scale,
                           double clip) {
    public Preprocessor {
        names = List.copyOf(names);
        int n = names.size();
        if (fill.length != n || log.length != n || center.length != n || scale.length != n) {
            throw new IllegalArgumentException("preprocessor arrays must have one entry per feature");
        }
    }

    /** Fits every step on the given raw feature rows (NaN = missing). */
    public static Preprocessor fit(FeatureRules rules, List<double[]> rows) {
        List<String> names = rules.names();
        int n = names.size();
        double[] fill = new double[n];
        boolean[] log = new boolean[n];
        double[] center = new double[n];
        double[] scale = new double[n];
        for (int j = 0; j < n; j++) {
            String name = names.get(j);
            log[j] = rules.log1p().contains(name);
            List<Double> present = new ArrayList<>();
            for (double[] r : rows) {
                if (!Double.isNaN(r[j])) {
                    present.add(r[j]);
                }
            }
            fill[j] = fillValue(rules.missing().getOrDefault(name, rules.missing().get("default")), present, name);
            double[] t = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                t[i] = transform(Double.isNaN(rows.get(i)[j]) ? fill[j] : rows.get(i)[j], log[j]);
            }
            switch (rules.scale()) {
                case "zscore" -> {
                    double mean = Arrays.stream(t).average().orElse(0);
                    double var = Arrays.stream(t).map(x -> (x - mean) * (x - mean)).average().orElse(0);
                    center[j] = mean;
                    scale[j] = var > 1e-12 ? Math.sqrt(var) : 1;
                }
                case "minmax" -> {
                    double min = Arrays.stream(t).min().orElse(0);
                    double max = Arrays.stream(t).max().orElse(1);
                    center[j] = min;
                    scale[j] = max - min > 1e-12 ? max - min : 1;
                }
                default -> {
                    center[j] = 0;
                    scale[j] = 1;
                }
            }
        }
        return new Preprocessor(names, fill, log, center, scale, rules.clip());
    }

    private static double fillValue(String strategy, List<Double> present, String name) {
        if (present.isEmpty()) {
            return 0;
        }
        double[] v = present.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return switch (strategy) {
            case "median" -> v[v.length / 2];
            case "mean" -> Arrays.stream(v).average().orElse(0);
            case "zero" -> 0;
            case "max" -> v[v.length - 1];
            case "min" -> v[0];
            default -> throw new IllegalArgumentException("feature " + name + ": unknown missing strategy " + strategy);
        };
    }

    private static double transform(double x, boolean log) {
        return log ? Math.log1p(Math.max(0, x)) : x;
    }

    /** Missing value filled, transformed, scaled and clipped; a new array. */
    public double[] apply(double[] raw) {
        double[] out = new double[raw.length];
        for (int j = 0; j < raw.length; j++) {
            double x = Double.isNaN(raw[j]) ? fill[j] : raw[j];
            x = (transform(x, log[j]) - center[j]) / scale[j];
            if (clip > 0) {
                x = Math.max(-clip, Math.min(clip, x));
            }
            out[j] = x;
        }
        return out;
    }

    /** Only the given features of a processed row, in the given order. */
    public double[] select(double[] processed, List<String> features) {
        double[] out = new double[features.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = processed[names.indexOf(features.get(i))];
        }
        return out;
    }

    /** Maps a processed value back to the raw scale (for naming centroids in operator words). */
    public double unscale(int j, double scaled) {
        double t = scaled * scale[j] + center[j];
        return log[j] ? Math.expm1(t) : t;
    }
}
