package com.callportrait.portrait.risk;

import java.util.Arrays;
import java.util.List;

/**
 * Value and loyalty scores in [0, 1], by explicit rules so an agent can be told why:
 * value = 0.6 x percentile(monthly spend) + 0.4 x percentile(lifetime value) against the build
 * population; loyalty = 0.35 x tenure (capped at 5 years) + 0.25 x on-time bills + 0.2 x survey
 * mean (missing = middle) + 0.2 x no move/close intent in 90 days. Immutable and thread-safe.
 *
 * @param spendQuantiles sorted sample of monthly spend
 * @param ltvQuantiles   sorted sample of lifetime value
 */
public record ValueScorer(double[] spendQuantiles, double[] ltvQuantiles) {
    /** A score with the rule that produced it. */
    public record Score(double value, String explanation) { }

    public static ValueScorer fit(List<Double> spend, List<Double> ltv) {
        return new ValueScorer(quantiles(spend), quantiles(ltv));
    }

    private static double[] quantiles(List<Double> v) {
        double[] s = v.stream().filter(x -> !x.isNaN()).mapToDouble(Double::doubleValue).sorted().toArray();
        if (s.length <= 1001) {
            return s;
        }
        double[] q = new double[1001];
        for (int i = 0; i <= 1000; i++) {
            q[i] = s[(int) ((long) i * (s.length - 1) / 1000)];
        }
        return q;
    }

    static double percentile(double[] sorted, double x) {
        if (sorted.length == 0 || Double.isNaN(x)) {
            return 0.5;
        }
        int at = Arrays.binarySearch(sorted, x);
        int below = at >= 0 ? at : -at - 1;
        return Math.max(0, Math.min(1, below / (double) sorted.length));
    }

    public Score value(double monthlySpend, double lifetimeValue) {
        double ps = percentile(spendQuantiles, monthlySpend);
        double pl = percentile(ltvQuantiles, lifetimeValue);
        double v = 0.6 * ps + 0.4 * pl;
        return new Score(v, String.format("rule 0.6*pct(monthly_spend)+0.4*pct(lifetime_value) "
                + "(monthly_spend=%.0f p%.0f, lifetime_value=%.0f p%.0f)", nz(monthlySpend), ps * 100,
                nz(lifetimeValue), pl * 100));
    }

    public static Score loyalty(double tenureDays, int lateBills, int bills, double surveyMean, double closeIntent90d) {
        double tenure = Double.isNaN(tenureDays) ? 0 : Math.min(1, tenureDays / 1825.0);
        double onTime = bills == 0 ? 1 : 1 - (double) lateBills / bills;
        double survey = Double.isNaN(surveyMean) ? 0.5 : (surveyMean - 1) / 4.0;
        double stay = closeIntent90d > 0 ? 0 : 1;
        double l = Math.max(0, Math.min(1, 0.35 * tenure + 0.25 * onTime + 0.2 * survey + 0.2 * stay));
        return new Score(l, String.format("rule 0.35*tenure+0.25*on_time+0.2*survey+0.2*no_close_intent "
                + "(tenure_days=%.0f, late=%d/%d, survey_mean=%s, close_intent_90d=%.0f)", nz(tenureDays), lateBills,
                bills, Double.isNaN(surveyMean) ? "missing" : String.format("%.1f", surveyMean), closeIntent90d));
    }

    private static double nz(double x) {
        return Double.isNaN(x) ? 0 : x;
    }
}
