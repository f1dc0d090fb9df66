package com.callportrait.portrait.tags;

import com.callportrait.profile.OpenIssue;
import com.callportrait.portrait.semantic.LinkedHistory;
import java.util.List;
import java.util.Objects;

/**
 * What the tag rules and the next-best action see about one customer. Immutable.
 *
 * @param features           raw features
 * @param links              linked contact history
 * @param tier               tier wire name
 * @param language           language tag
 * @param segment            segment name
 * @param segmentWhy         the segment model's explanation
 * @param risk               calibrated complaint risk
 * @param riskWhy            the risk model's explanation
 * @param value              value score
 * @param valueWhy           the value rule with its inputs
 * @param loyalty            loyalty score
 * @param openComplaints     open complaints, newest first
 * @param openTickets        open service tickets, newest first
 */
public record PortraitFacts(FeatureView features, LinkedHistory links, String tier, String language, String segment,
                            String segmentWhy, double risk, String riskWhy, double value, String valueWhy,
                            double loyalty, List<OpenIssue> openComplaints,
                            List<OpenIssue> openTickets) {
    public PortraitFacts {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(links, "links");
        openComplaints = List.copyOf(openComplaints);
        openTickets = List.copyOf(openTickets);
    }

    /** Open complaints first, then open tickets. */
    public List<OpenIssue> openIssues() {
        List<OpenIssue> all = new java.util.ArrayList<>(openComplaints);
        all.addAll(openTickets);
        return all;
    }
}
