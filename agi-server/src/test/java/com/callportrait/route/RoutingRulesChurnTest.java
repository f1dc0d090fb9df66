package com.callportrait.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.NextContact;
import com.callportrait.profile.redis.TestProfiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code min_churn_risk}: customers the churn model says are about to leave get the retention priority. */
class RoutingRulesChurnTest {
    private static final RoutingRules RULES = RulesLoader.parse("""
            defaults: {queue: support}
            priority:
              - {name: about-to-leave-platinum, tier: platinum, min_churn_risk: 0.25, priority: 8}
              - {name: about-to-leave, min_churn_risk: 0.4, priority: 5}
            """.getBytes(StandardCharsets.UTF_8), "churn.yaml");

    private static CustomerProfile withChurn(double churn, Map<String, String> unavailable) {
        CustomerProfile p = TestProfiles.asteriskJane();
        return new CustomerProfile(p.customerId(), p.name(), p.phones(), p.tier(), p.language(), p.segment(),
                p.lifetimeValue(), p.valueScore(), p.loyaltyScore(), p.complaintRisk(), List.of(), List.of(), p.tags(),
                p.updatedAt(), "", unavailable, churn, NextContact.NONE);
    }

    @Test
    void theChurnConditionMatchesTheLearnedRiskAtItsThreshold() {
        assertThat(RULES.decide(Optional.of(withChurn(0.25, Map.of())))).extracting(RoutingDecision::rule,
                RoutingDecision::priority).containsExactly("priority:about-to-leave-platinum", 8);
        assertThat(RULES.decide(Optional.of(withChurn(0.24, Map.of()))).rule()).isEqualTo("known-caller");
    }

    @Test
    void withoutAChurnModelTheConditionNeverMatches() {
        // the placeholder 0.9 must not be read as a risk when the portrait says there is no model
        CustomerProfile untrained = withChurn(0.9, Map.of(CustomerProfile.CHURN_RISK, CustomerProfile.NO_MODEL_YET));
        assertThat(RULES.decide(Optional.of(untrained)).rule()).isEqualTo("known-caller");
        assertThat(RULES.decide(Optional.of(untrained)).priority()).isZero();
    }

    @Test
    void aChurnConditionIsAConditionAndOutOfRangeIsRejectedNamingTheField() {
        RoutingRules alone = RulesLoader.parse(("defaults: {queue: q}\npriority:\n  - {name: x, min_churn_risk: 0.2,"
                + " priority: 7}\n").getBytes(StandardCharsets.UTF_8), "t.yaml");
        assertThat(alone.decide(Optional.of(withChurn(0.3, Map.of()))).priority()).isEqualTo(7);
        assertThatThrownBy(() -> RulesLoader.parse(("defaults: {queue: q}\npriority:\n  - {name: x, min_churn_risk: 1.2,"
                + " priority: 1}\n").getBytes(StandardCharsets.UTF_8), "t.yaml"))
                .isInstanceOf(RulesException.class).hasMessageContaining("min_churn_risk");
    }
}
