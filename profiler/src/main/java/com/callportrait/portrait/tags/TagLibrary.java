package com.callportrait.portrait.tags;

import com.callportrait.profile.Tag;
import java.util.ArrayList;
import java.util.List;

/**
 * The tag rules, by family. Each tag's explanation names its rule and the input values, e.g.
 * {@code rule repeat_contacts_90d>=2 (repeat_contacts_90d=3)}. Thresholds are constants here
 * because they are product decisions reviewed with operations; the inputs come from the
 * analyst-editable feature file. Stateless and thread-safe.
 */
public final class TagLibrary {
    public static final List<String> FAMILIES = List.of("channel", "evaluation", "attribute", "traffic", "risk",
            "segment");
    /** Calibrated complaint probability at and above which a customer is tagged high risk. */
    public static final double HIGH_RISK = 0.25;
    public static final double MEDIUM_RISK = 0.10;
    /** Calibrated churn probability (within the churn horizon) at and above which a customer is tagged high. */
    public static final double HIGH_CHURN = 0.25;
    public static final double MEDIUM_CHURN = 0.10;

    /**
     * The learned churn tag: {@code churn-risk-high|medium|low}, explained by the probability, its
     * horizon and the reasons in words, e.g. {@code p=0.31 within 90d; 3 unresolved billing
     * complaints, satisfaction falling (-1.5)}.
     */
    public static Tag churnTag(double p, int horizonDays, String reasons) {
        String level = p >= HIGH_CHURN ? "high" : p >= MEDIUM_CHURN ? "medium" : "low";
        return new Tag("risk", "churn-risk-" + level, String.format(java.util.Locale.ROOT, "p=%.2f within %dd; %s",
                p, horizonDays, reasons));
    }

    public List<Tag> tags(PortraitFacts f) {
        FeatureView x = f.features();
        List<Tag> t = new ArrayList<>();
        // channel preferences and behaviour
        rule(t, "channel", "prefers-chat", x.get("chat_share") >= 0.5 && x.get("contacts_365d") >= 2,
                "chat_share>=0.5", x, "chat_share", "contacts_365d");
        rule(t, "channel", "prefers-voice", x.get("chat_share") <= 0.1 && x.get("contacts_365d") >= 2,
                "chat_share<=0.1", x, "chat_share", "contacts_365d");
        rule(t, "channel", "evening-caller", x.get("evening_share") >= 0.5 && x.get("contacts_365d") >= 2,
                "evening_share>=0.5", x, "evening_share");
        rule(t, "channel", "frequent-caller", x.get("contacts_90d") >= 6, "contacts_90d>=6", x, "contacts_90d");
        rule(t, "channel", "repeat-caller", x.get("repeat_contacts_90d") >= 2, "repeat_contacts_90d>=2", x,
                "repeat_contacts_90d");
        // service evaluation
        rule(t, "evaluation", "satisfied", x.get("survey_mean") >= 4, "survey_mean>=4", x, "survey_mean");
        rule(t, "evaluation", "dissatisfied", x.get("survey_mean") <= 2.5, "survey_mean<=2.5", x, "survey_mean");
        rule(t, "evaluation", "often-unresolved", x.get("resolved_share") < 0.5 && x.get("contacts_365d") >= 3,
                "resolved_share<0.5 and contacts_365d>=3", x, "resolved_share", "contacts_365d");
        rule(t, "evaluation", "negative-mood", x.get("negative_share_90d") >= 0.5 && x.get("contacts_90d") >= 2,
                "negative_share_90d>=0.5", x, "negative_share_90d", "contacts_90d");
        rule(t, "evaluation", "mood-worsening", x.get("emotion_trend") <= -0.75, "emotion_trend<=-0.75", x,
                "emotion_trend");
        // customer attributes
        t.add(new Tag("attribute", "tier-" + f.tier(), "crm tier=" + f.tier()));
        if (!"en".equals(f.language())) {
            t.add(new Tag("attribute", "language-" + f.language(), "crm language=" + f.language()));
        }
        rule(t, "attribute", "business", x.get("business") == 1, "enrichment business=true", x, "business");
        rule(t, "attribute", "long-standing", x.get("tenure_days") >= 1825, "tenure_days>=1825", x, "tenure_days");
        rule(t, "attribute", "new-customer", x.get("tenure_days") < 180, "tenure_days<180", x, "tenure_days");
        rule(t, "attribute", "late-payer", x.get("late_payments_365d") >= 2, "late_payments_365d>=2", x,
                "late_payments_365d");
        if (f.value() >= 0.8) {
            t.add(new Tag("attribute", "high-value", "value>=0.8 (value=" + fmt(f.value()) + "; " + f.valueWhy() + ")"));
        }
        // change in call traffic
        rule(t, "traffic", "traffic-rising", x.get("traffic_change") >= 2 && x.get("contacts_30d") >= 2,
                "traffic_change>=2 and contacts_30d>=2", x, "traffic_change", "contacts_30d", "contacts_prev_60d");
        rule(t, "traffic", "traffic-falling", x.get("traffic_change") <= 0.25 && x.get("contacts_prev_60d") >= 4,
                "traffic_change<=0.25 and contacts_prev_60d>=4", x, "traffic_change", "contacts_prev_60d");
        rule(t, "traffic", "silent", x.get("days_since_last_contact") >= 180, "days_since_last_contact>=180", x,
                "days_since_last_contact");
        // complaint risk
        String level = f.risk() >= HIGH_RISK ? "high" : f.risk() >= MEDIUM_RISK ? "medium" : "low";
        t.add(new Tag("risk", "complaint-risk-" + level, String.format("p=%.2f; %s", f.risk(), f.riskWhy())));
        rule(t, "risk", "open-complaint", x.get("open_complaints") >= 1, "open_complaints>=1", x, "open_complaints");
        rule(t, "risk", "escalation-chain", x.get("escalation_chains") >= 1, "escalation_chains>=1", x,
                "escalation_chains");
        rule(t, "risk", "churn-risk", x.get("close_intent_90d") >= 1, "close_intent_90d>=1 (asked to move/close)", x,
                "close_intent_90d");
        if (x.get("negative_turns") >= 1) {
            t.add(new Tag("risk", "turned-negative", "rule negative_turns>=1 (" + x.show("negative_turns")
                    + ", last after " + f.links().lastTurnTrigger() + ")"));
        }
        // segment
        t.add(new Tag("segment", f.segment(), f.segmentWhy()));
        return t;
    }

    private static void rule(List<Tag> out, String family, String name, boolean fires, String rule, FeatureView x,
                             String... inputs) {
        if (!fires) {
            return;
        }
        StringBuilder sb = new StringBuilder("rule ").append(rule).append(" (");
        for (int i = 0; i < inputs.length; i++) {
            sb.append(i > 0 ? ", " : "").append(x.show(inputs[i]));
        }
        out.add(new Tag(family, name, sb.append(')').toString()));
    }

    private static String fmt(double v) {
        return String.format("%.2f", v);
    }
}
