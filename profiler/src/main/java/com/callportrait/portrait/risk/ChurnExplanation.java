package com.callportrait.portrait.risk;

import com.callportrait.portrait.risk.ComplaintRiskModel.Contribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Says in words why a model scored a customer high: the strongest contributions, each as a phrase
 * an agent reads without knowing the feature names ("3 unresolved billing complaints",
 * "satisfaction falling"). A feature without a phrase is shown as {@code name=value}. Stateless and
 * thread-safe.
 */
public final class ChurnExplanation {
    /** How many reasons an explanation names at most. */
    public static final int MAX_REASONS = 3;

    private ChurnExplanation() {
    }

    /** Up to {@link #MAX_REASONS} phrases, strongest first; "nothing above average" when none pushes up. */
    public static String of(List<Contribution> contributions) {
        List<String> parts = new ArrayList<>();
        for (Contribution c : contributions) {
            if (parts.size() == MAX_REASONS) {
                break;
            }
            String p = phrase(c.feature(), c.raw(), c.z());
            if (p != null && !parts.contains(p)) {
                parts.add(p);
            }
        }
        return parts.isEmpty() ? "nothing above average" : String.join(", ", parts);
    }

    /**
     * The phrase of one input, or {@code null} when its value says nothing worth telling (e.g. 0
     * complaints); {@code z} (the standardised value) says whether an amount is low or high.
     */
    static String phrase(String feature, double v, double z) {
        if (Double.isNaN(v)) {
            return switch (feature) {
                case "survey_mean" -> "never answered a survey";
                case "survey_trend", "emotion_trend" -> null;
                default -> feature.replace('_', ' ') + " unknown";
            };
        }
        long n = Math.round(v);
        return switch (feature) {
            case "open_billing_complaints" -> n == 0 ? null : count(n, "unresolved billing complaint");
            case "open_complaints" -> n == 0 ? null : count(n, "unresolved complaint");
            case "complaints_90d" -> n == 0 ? null : count(n, "complaint") + " in 90 days";
            case "complaints_365d" -> n == 0 ? null : count(n, "complaint") + " in a year";
            case "unresolved_contacts_90d" -> n == 0 ? null : count(n, "contact") + " left unresolved in 90 days";
            case "survey_trend" -> v < 0 ? String.format(Locale.ROOT, "satisfaction falling (%+.1f)", v) : null;
            case "survey_mean" -> String.format(Locale.ROOT, "survey mean %.1f of 5", v);
            case "emotion_trend" -> v < 0 ? "mood worsening" : null;
            case "tenure_days" -> v < 365 ? "customer for only " + (long) (v / 30) + " months"
                    : "customer for " + String.format(Locale.ROOT, "%.1f", v / 365) + " years";
            case "monthly_spend" -> String.format(Locale.ROOT, "%s monthly spend (%.0f)", z < 0 ? "low" : "high", v);
            case "close_intent_90d" -> n == 0 ? null : "asked to move or close " + times(n) + " in 90 days";
            case "negative_share_90d" -> String.format(Locale.ROOT, "%.0f%% of recent contacts negative", 100 * v);
            case "late_payments_365d" -> n == 0 ? null : count(n, "late payment") + " in a year";
            case "late_payments_30d" -> n == 0 ? null : count(n, "late payment") + " this month";
            case "billing_contacts_90d" -> n == 0 ? null : count(n, "billing contact") + " in 90 days";
            case "contacts_30d" -> (z < 0 ? "only " : "") + count(n, "contact") + " in 30 days";
            case "contacts_90d" -> (z < 0 ? "only " : "") + count(n, "contact") + " in 90 days";
            case "contacts_365d" -> (z < 0 ? "only " : "") + count(n, "contact") + " in a year";
            case "repeat_contacts_90d" -> n == 0 ? null : count(n, "repeat contact") + " in 90 days";
            case "days_since_last_contact" -> "last contact " + (long) v + " days ago";
            case "days_since_unresolved" -> "left unresolved " + (long) v + " days ago";
            case "open_tickets" -> n == 0 ? null : count(n, "open ticket");
            case "resolved_share" -> String.format(Locale.ROOT, "only %.0f%% of contacts resolved", 100 * v);
            case "business" -> v >= 1 ? "business account" : null;
            case "tier_rank" -> n == 0 ? "standard tier" : null;
            case "traffic_change" -> v >= 1.5 ? String.format(Locale.ROOT, "calling %.1fx as often as before", v) : null;
            case "outage_contacts_365d" -> n == 0 ? null : count(n, "outage contact") + " in a year";
            default -> feature + "=" + (v == Math.rint(v) ? Long.toString(n) : String.format(Locale.ROOT, "%.2f", v));
        };
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String times(long n) {
        return n == 1 ? "once" : n + " times";
    }
}
