package com.callportrait.portrait.report;

import com.callportrait.portrait.engine.OutlookModels;
import com.callportrait.profile.CustomerProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report's "Churn risk and next contact" section: the churn-risk distribution and the likely
 * reasons of the next contact over the portraits shown, with the models' held-out metrics against
 * their baselines, or "no model yet". Stateless and thread-safe.
 */
final class OutlookSection {
    private OutlookSection() {
    }

    static void append(StringBuilder h, HtmlReport.Input in) {
        h.append("<h2>Churn risk and next contact</h2>");
        OutlookModels o = in.models() == null ? OutlookModels.NONE : in.models().outlook();
        if (o.churn() == null) {
            h.append("<p class='note'>Churn risk: no model yet.</p>");
        } else {
            int[] bins = new int[20];
            for (CustomerProfile p : in.portraits()) {
                if (p.has(CustomerProfile.CHURN_RISK)) {
                    bins[Math.min(19, (int) (p.churnRisk() * 20))]++;
                }
            }
            List<Svg.Bar> bars = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                bars.add(new Svg.Bar(String.format(Locale.ROOT, "%.2f", i / 20.0), bins[i], null));
            }
            h.append(Svg.columns(bars, 760, 200));
            Map<String, Double> m = o.churn().metrics();
            h.append(String.format(Locale.ROOT, "<p class='note'>Probability that the account is closed or switched away"
                    + " within %d days (Tribuo logistic regression, Platt-calibrated; label: CRM closed_at). Held-out:"
                    + " AUC %.3f against %.3f for the rule tag &ldquo;asked to move or close&rdquo;; Brier %.3f; %s"
                    + " customers, %.1f%% closed.</p>", o.churn().horizonDays(), m.getOrDefault("auc", Double.NaN),
                    m.getOrDefault("auc_baseline", Double.NaN), m.getOrDefault("brier", Double.NaN),
                    Svg.fmt(m.getOrDefault("n_heldout", Double.NaN)),
                    100 * m.getOrDefault("positive_rate_heldout", Double.NaN)));
        }
        if (o.nextContact() == null) {
            h.append("<p class='note'>Next contact: no model yet.</p>");
            return;
        }
        Map<String, Integer> reasons = new TreeMap<>();
        double p7 = 0;
        double p30 = 0;
        int n = 0;
        for (CustomerProfile p : in.portraits()) {
            if (p.has(CustomerProfile.NEXT_CONTACT) && p.nextContact().predicted()) {
                reasons.merge(p.nextContact().reasonInWords(), 1, Integer::sum);
                p7 += p.nextContact().within7d();
                p30 += p.nextContact().within30d();
                n++;
            }
        }
        List<Svg.Bar> bars = new ArrayList<>();
        int total = n;
        reasons.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> bars.add(new Svg.Bar(e.getKey(), e.getValue(), String.format(Locale.ROOT, "%.0f%%",
                        100.0 * e.getValue() / Math.max(1, total)))));
        h.append("<p class='note'>Likely reason of the next contact:</p>").append(Svg.hbars(bars, 760, ""));
        Map<String, Double> m = o.nextContact().metrics();
        h.append(String.format(Locale.ROOT, "<p class='note'>Expected contacts: %.0f within 7 days, %.0f within 30 days"
                        + " (sum of the calibrated probabilities over %d portraits). Held-out weeks: AUC 7 d %.3f (recent"
                        + " contact rate %.3f), 30 d %.3f (%.3f); top-1 reason %.1f%% against %.1f%% for &ldquo;same"
                        + " topic as last time&rdquo;.</p>", p7, p30, n, m.getOrDefault("auc_7d", Double.NaN),
                m.getOrDefault("auc_baseline_7d", Double.NaN), m.getOrDefault("auc_30d", Double.NaN),
                m.getOrDefault("auc_baseline_30d", Double.NaN), 100 * m.getOrDefault("reason_top1", Double.NaN),
                100 * m.getOrDefault("reason_top1_baseline", Double.NaN)));
    }
}
