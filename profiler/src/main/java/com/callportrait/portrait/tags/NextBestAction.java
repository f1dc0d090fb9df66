package com.callportrait.portrait.tags;

import com.callportrait.profile.OpenIssue;
import com.callportrait.profile.Tag;
import com.callportrait.portrait.semantic.Contact;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The one thing the agent should do first, from an ordered list of rules (first match wins), each
 * answer carrying its reason in brackets. A high learned churn risk (the {@code churn-risk-high}
 * tag) asks for retention after the open cases, repeat contacts and late payments are dealt with. Stateless and thread-safe.
 */
public final class NextBestAction {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private final ReasonHint hints;

    /** The rules without a {@link ReasonHint}. */
    public NextBestAction() {
        this(ReasonHint.NONE);
    }

    /** The rules with {@code hints} (e.g. association rules) consulted before the value and fallback rules. */
    public NextBestAction(ReasonHint hints) {
        this.hints = java.util.Objects.requireNonNull(hints, "hints");
    }

    public String decide(PortraitFacts f, List<Tag> tags) {
        FeatureView x = f.features();
        if (!f.openComplaints().isEmpty()) {
            OpenIssue i = f.openComplaints().get(0);
            return "Acknowledge the open complaint " + i.id() + " about " + i.topic() + " and give its status first"
                    + " [open since " + DAY.format(i.openedAt()) + "]";
        }
        if (f.risk() >= TagLibrary.HIGH_RISK && (has(tags, "turned-negative") || has(tags, "escalation-chain"))) {
            return String.format("Apologise, take ownership and offer a senior callback [complaint risk %.0f%%, %s]",
                    f.risk() * 100, has(tags, "escalation-chain") ? "escalation chain" : "mood turned negative");
        }
        List<Contact> cs = f.links().contacts();
        if (!cs.isEmpty()) {
            Contact last = cs.get(cs.size() - 1);
            if (f.links().repeat()[cs.size() - 1] && !last.outcome().equals("resolved")) {
                return "Repeat contact about " + last.topic() + ": read the last case and resolve it in this call"
                        + " or escalate [" + f.links().chainLength()[cs.size() - 1] + " contacts in a row, last "
                        + last.outcome() + "]";
            }
        }
        if (!f.openTickets().isEmpty()) {
            OpenIssue i = f.openTickets().get(0);
            return "Give the status of open ticket " + i.id() + " (" + i.topic() + ") [open since "
                    + DAY.format(i.openedAt()) + "]";
        }
        if (x.get("late_payments_365d") >= 2) {
            return "Offer a payment plan or direct debit [" + x.show("late_payments_365d") + "]";
        }
        if (x.get("close_intent_90d") >= 1) {
            return "Retention: ask why they want to move or close and present retention offers ["
                    + x.show("close_intent_90d") + "]";
        }
        for (Tag t : tags) {
            if (t.name().equals("churn-risk-high")) {
                return "Retention: ask how we are doing, settle what is unresolved and present retention offers [churn "
                        + t.explanation() + "]";
            }
        }
        if (x.get("new_service_contacts_365d") >= 1 && f.segment().startsWith("potential")) {
            return "Offer the upgrade or bundle they asked about [segment " + f.segment() + ", "
                    + x.show("new_service_contacts_365d") + "]";
        }
        java.util.Optional<String> hint = hints.hint(f);
        if (hint.isPresent()) {
            return hint.get();
        }
        if (f.value() >= 0.8) {
            return String.format("Thank them for their loyalty and handle with priority [value %.2f]", f.value());
        }
        return "Resolve the request; no special action [no rule matched]";
    }

    private static boolean has(List<Tag> tags, String name) {
        return tags.stream().anyMatch(t -> t.name().equals(name));
    }
}
