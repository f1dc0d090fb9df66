package com.callportrait.cli;

import com.callportrait.profile.CustomerProfile;
import java.util.Locale;

/** A portrait as an operator reads it on a terminal. Stateless. */
final class PortraitText {
    private PortraitText() {
    }

    static String render(CustomerProfile p) {
        StringBuilder b = new StringBuilder();
        b.append(p.name().isEmpty() ? "(no name)" : p.name()).append("  [").append(p.customerId()).append("]\n");
        line(b, "phones", String.join(", ", p.phones()));
        line(b, "tier", p.tier().wireName());
        line(b, "language", p.language());
        line(b, "segment", learned(p, CustomerProfile.SEGMENT, p.segment()));
        line(b, "lifetime value", String.format(Locale.ROOT, "%.2f", p.lifetimeValue()));
        line(b, "scores", "value " + learned(p, CustomerProfile.VALUE_SCORE, score(p.valueScore()))
                + "  loyalty " + score(p.loyaltyScore())
                + "  complaint risk " + learned(p, CustomerProfile.COMPLAINT_RISK, score(p.complaintRisk())));
        line(b, "churn risk", churn(p));
        line(b, "next contact", nextContact(p));
        line(b, "open issues", p.openIssues().isEmpty() ? "none" : Integer.toString(p.openIssues().size()));
        p.openIssues().forEach(i -> b.append("    - ").append(i.id()).append(" ").append(i.topic())
                .append(i.summary().isEmpty() ? "" : ": " + i.summary()).append(" (opened ").append(i.openedAt()).append(")\n"));
        line(b, "last topics", p.lastTopics().isEmpty() ? "none" : "");
        p.lastTopics().forEach(t -> b.append("    - ").append(t.topic()).append(" -> ")
                .append(t.outcome().isEmpty() ? "?" : t.outcome()).append(" (").append(t.at()).append(")")
                .append(t.resolution().isEmpty() ? "" : ": " + t.resolution()).append('\n'));
        line(b, "tags", p.tags().isEmpty() ? "none" : "");
        p.tags().forEach(t -> b.append("    - ").append(t.family()).append("/").append(t.name())
                .append(t.explanation().isEmpty() ? "" : ": " + t.explanation()).append('\n'));
        line(b, "next action", p.nextBestAction().isEmpty() ? "none" : p.nextBestAction());
        line(b, "updated", p.updatedAt().toString());
        return b.toString().stripTrailing();
    }

    /** The churn probability with its horizon and reasons (from the churn tag), or why there is none. */
    static String churn(CustomerProfile p) {
        if (!p.has(CustomerProfile.CHURN_RISK)) {
            return learned(p, CustomerProfile.CHURN_RISK, "");
        }
        for (var t : p.tags()) {
            if (t.name().startsWith("churn-risk-") || t.name().equals("account-closed")) {
                return score(p.churnRisk()) + " (" + t.name() + ": " + t.explanation() + ")";
            }
        }
        return score(p.churnRisk());
    }

    /** "7 days 0.12, 30 days 0.48, likely about: meter (why ...)", or why there is none. */
    static String nextContact(CustomerProfile p) {
        if (!p.has(CustomerProfile.NEXT_CONTACT)) {
            return learned(p, CustomerProfile.NEXT_CONTACT, "");
        }
        var n = p.nextContact();
        if (!n.predicted()) {
            return "none";
        }
        return "within 7 days " + score(n.within7d()) + ", within 30 days " + score(n.within30d())
                + (n.likelyReason().isEmpty() ? "" : "; likely calling about: " + n.reasonInWords())
                + (n.explanation().isEmpty() ? "" : " (" + n.explanation() + ")");
    }

    /** The value of a learned part, or that it is not available yet and why. */
    private static String learned(CustomerProfile p, String part, String value) {
        return p.has(part) ? value : "not available yet (" + p.unavailable().get(part) + ")";
    }

    private static String score(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(String.format(Locale.ROOT, "  %-15s %s%n", label, value).stripTrailing()).append('\n');
    }
}
