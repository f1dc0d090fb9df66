package com.callportrait.cli;

import com.callportrait.portrait.engine.OutlookModels;
import java.util.Locale;
import java.util.Map;

/** The churn and next-contact models of a build, one line each, as {@code profile build} prints them. Stateless. */
final class OutlookText {
    private OutlookText() {
    }

    static String render(OutlookModels o) {
        StringBuilder b = new StringBuilder();
        if (o.churn() == null) {
            b.append("churn_risk: no model yet\n");
        } else {
            Map<String, Double> m = o.churn().metrics();
            b.append(String.format(Locale.ROOT, "churn_risk v%d: %dd horizon, held-out AUC %.3f (rule tag %.3f), Brier %.4f,"
                            + " %.1f%% closed%n", o.churnVersion(), o.churn().horizonDays(), m.getOrDefault("auc", Double.NaN),
                    m.getOrDefault("auc_baseline", Double.NaN), m.getOrDefault("brier", Double.NaN),
                    100 * m.getOrDefault("positive_rate_heldout", Double.NaN)));
        }
        if (o.nextContact() == null) {
            b.append("next_contact: no model yet\n");
        } else {
            Map<String, Double> m = o.nextContact().metrics();
            b.append(String.format(Locale.ROOT, "next_contact v%d: held-out AUC 7d %.3f (contact rate %.3f), 30d %.3f (%.3f);"
                            + " reason top-1 %.3f (last topic %.3f)%n", o.nextContactVersion(),
                    m.getOrDefault("auc_7d", Double.NaN), m.getOrDefault("auc_baseline_7d", Double.NaN),
                    m.getOrDefault("auc_30d", Double.NaN), m.getOrDefault("auc_baseline_30d", Double.NaN),
                    m.getOrDefault("reason_top1", Double.NaN), m.getOrDefault("reason_top1_baseline", Double.NaN)));
        }
        return b.toString();
    }
}
