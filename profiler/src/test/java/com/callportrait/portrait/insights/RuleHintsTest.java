package com.callportrait.portrait.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.portrait.features.FeatureRules;
import com.callportrait.portrait.semantic.LinkedHistory;
import com.callportrait.portrait.tags.FeatureView;
import com.callportrait.portrait.tags.NextBestAction;
import com.callportrait.portrait.tags.PortraitFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleHintsTest {
    private static PortraitFacts facts(String tier, String segment) {
        FeatureRules rules = FeatureRules.load();
        return new PortraitFacts(new FeatureView(rules, new double[rules.names().size()]),
                new LinkedHistory(List.of(), new boolean[0], new int[0], 0, 0, 0, null), tier, "en", segment, "", 0.05,
                "", 0.3, "", 0.5, List.of(), List.of());
    }

    private static final List<AssociationRules.Rule> RULES = List.of(
            new AssociationRules.Rule(List.of("plan:fibre-max"), "outage", 300, 0.03, 0.8, 3.0),
            new AssociationRules.Rule(List.of("tier:platinum"), "new_service", 120, 0.012, 0.6, 2.1),
            new AssociationRules.Rule(List.of("tier:gold"), "billing", 400, 0.04, 0.5, 1.3));

    @Test
    void theStrongestMatchingRuleBecomesTheNextBestAction() {
        NextBestAction nba = new NextBestAction(new RuleHints(RULES));
        assertThat(nba.decide(facts("platinum", "potential"), List.of()))
                .isEqualTo("Check for a new service need before closing [rule tier:platinum: 2.1x the usual rate,"
                        + " 60% of such customers]");
    }

    @Test
    void weakOrUnmatchedRulesLeaveTheOtherRulesAlone() {
        NextBestAction nba = new NextBestAction(new RuleHints(RULES));
        // tier:gold's lift 1.3 is below RuleHints.MIN_LIFT; plan items are not in the portrait facts
        assertThat(nba.decide(facts("gold", "ordinary"), List.of()))
                .isEqualTo(new NextBestAction().decide(facts("gold", "ordinary"), List.of()));
        assertThat(new RuleHints(RULES).hint(facts("standard", null))).isEmpty();
    }
}
