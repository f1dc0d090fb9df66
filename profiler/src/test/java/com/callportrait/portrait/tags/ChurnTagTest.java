package com.callportrait.portrait.tags;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.portrait.features.FeatureRules;
import com.callportrait.portrait.semantic.LinkedHistory;
import com.callportrait.profile.Tag;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The learned churn tag: its level by the thresholds, its explanation, and the retention action it asks for. */
class ChurnTagTest {

    @Test
    void theLevelFollowsTheCalibratedProbabilityAndTheExplanationCarriesTheReasons() {
        assertThat(TagLibrary.churnTag(0.31, 90, "3 unresolved billing complaints, satisfaction falling (-1.5)"))
                .isEqualTo(new Tag("risk", "churn-risk-high",
                        "p=0.31 within 90d; 3 unresolved billing complaints, satisfaction falling (-1.5)"));
        assertThat(TagLibrary.churnTag(TagLibrary.HIGH_CHURN, 30, "x").name()).isEqualTo("churn-risk-high");
        assertThat(TagLibrary.churnTag(0.249, 30, "x").name()).isEqualTo("churn-risk-medium");
        assertThat(TagLibrary.churnTag(TagLibrary.MEDIUM_CHURN, 30, "x").name()).isEqualTo("churn-risk-medium");
        assertThat(TagLibrary.churnTag(0.02, 30, "nothing above average").explanation())
                .isEqualTo("p=0.02 within 30d; nothing above average");
    }

    @Test
    void aHighChurnRiskAsksForRetentionWithItsReasons() {
        FeatureRules rules = FeatureRules.load();
        double[] zeros = new double[rules.names().size()];
        Arrays.fill(zeros, 0);
        PortraitFacts facts = new PortraitFacts(new FeatureView(rules, zeros), new LinkedHistory(List.of(), new boolean[0], new int[0], 0, 0, 0, null), "standard", "en",
                "ordinary", "", 0.01, "", 0.3, "", 0.5, List.of(), List.of());
        Tag high = TagLibrary.churnTag(0.4, 90, "2 unresolved complaints");
        assertThat(new NextBestAction().decide(facts, List.of(high))).isEqualTo("Retention: ask how we are doing, settle"
                + " what is unresolved and present retention offers [churn p=0.40 within 90d; 2 unresolved complaints]");
        assertThat(new NextBestAction().decide(facts, List.of(TagLibrary.churnTag(0.2, 90, "x"))))
                .startsWith("Resolve the request");
    }
}
