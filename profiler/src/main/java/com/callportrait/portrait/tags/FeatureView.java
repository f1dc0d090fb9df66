package com.callportrait.portrait.tags;

import com.callportrait.portrait.features.FeatureRules;

/**
 * Named read access to one customer's raw feature values. A feature an analyst removed from
 * {@code features.yaml} reads as missing ({@code NaN}), so the tags that need it simply do not fire.
 * Immutable.
 */
public record FeatureView(FeatureRules rules, double[] values) {
    public double get(String name) {
        int i = rules.names().indexOf(name);
        return i < 0 ? Double.NaN : values[i];
    }

    /** {@code name=value} for explanations, {@code name=missing} for NaN. */
    public String show(String name) {
        double v = get(name);
        if (Double.isNaN(v)) {
            return name + "=missing";
        }
        return name + "=" + (v == Math.rint(v) ? String.valueOf((long) v) : String.format("%.2f", v));
    }
}
