package com.callportrait.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.redis.TestProfiles;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Priority rules on the portrait engine's value and loyalty scores, and on scores not computed yet. */
class RoutingRulesScoresTest {
    private static final RoutingRules RULES = RulesLoader.parse("""
            defaults: {queue: support}
            experienced: {queue: experienced, min_complaint_risk: 0.5, priority_boost: 1}
            priority:
              - {name: valuable-and-loyal, min_value_score: 0.7, min_loyalty_score: 0.8, priority: 9, vip: true}
              - {name: valuable, min_value_score: 0.7, priority: 6}
              - {name: leaving, max_loyalty_score: 0.3, priority: 4}
              - {name: loyal, min_loyalty_score: 0.8, priority: 2}
            """.getBytes(StandardCharsets.UTF_8), "scores.yaml");

    private static CustomerProfile scored(double value, double loyalty, double risk, Map<String, String> unavailable) {
        CustomerProfile p = TestProfiles.asteriskJane();
        return new CustomerProfile(p.customerId(), p.name(), p.phones(), p.tier(), p.language(), p.segment(),
                p.lifetimeValue(), value, loyalty, risk, java.util.List.of(), java.util.List.of(), p.tags(),
                p.updatedAt(), "", unavailable);
    }

    private static String rule(CustomerProfile p) {
        return RULES.decide(Optional.of(p)).rule();
    }

    @Test
    void loyaltyAndValueConditionsMatchTheEngineScores() {
        assertThat(rule(scored(0.9, 0.85, 0, Map.of()))).isEqualTo("priority:valuable-and-loyal");
        assertThat(RULES.decide(Optional.of(scored(0.9, 0.85, 0, Map.of())))).extracting(RoutingDecision::priority,
                RoutingDecision::vip).containsExactly(9, true);
        assertThat(rule(scored(0.9, 0.5, 0, Map.of()))).isEqualTo("priority:valuable");
        assertThat(rule(scored(0.2, 0.3, 0, Map.of()))).isEqualTo("priority:leaving");
        assertThat(rule(scored(0.2, 0.31, 0, Map.of()))).isEqualTo("known-caller");
        assertThat(rule(scored(0.2, 0.8, 0, Map.of()))).isEqualTo("priority:loyal");
    }

    @Test
    void aScoreNotComputedYetNeverMatchesSoRoutingFallsThrough() {
        Map<String, String> untrained = Map.of(CustomerProfile.VALUE_SCORE, CustomerProfile.NO_MODEL_YET,
                CustomerProfile.COMPLAINT_RISK, CustomerProfile.NO_MODEL_YET,
                CustomerProfile.SEGMENT, CustomerProfile.NO_MODEL_YET);
        // loyalty is rule-based and always there; the value placeholder must not be read as a value
        assertThat(rule(scored(0.9, 0.85, 0.9, untrained))).isEqualTo("priority:loyal");
        assertThat(RULES.decide(Optional.of(scored(0.9, 0.5, 0.9, untrained)))).extracting(RoutingDecision::queue,
                RoutingDecision::priority, RoutingDecision::rule).containsExactly("support", 0, "known-caller");
        // the same scores, computed: the value rule and the experienced queue apply
        assertThat(RULES.decide(Optional.of(scored(0.9, 0.5, 0.9, Map.of())))).extracting(RoutingDecision::queue,
                RoutingDecision::rule).containsExactly("experienced", "priority:valuable,experienced");
    }

    @Test
    void badScoreConditionsAreRejectedNamingTheField() {
        assertThatThrownBy(() -> RulesLoader.parse(("defaults: {queue: q}\npriority:\n  - {name: x, min_loyalty_score: 1.5,"
                + " priority: 1}\n").getBytes(StandardCharsets.UTF_8), "t.yaml"))
                .isInstanceOf(RulesException.class).hasMessageContaining("min_loyalty_score");
        assertThatThrownBy(() -> RulesLoader.parse(("defaults: {queue: q}\npriority:\n  - {name: x, min_loyalty_score: 0.8,"
                + " max_loyalty_score: 0.2, priority: 1}\n").getBytes(StandardCharsets.UTF_8), "t.yaml"))
                .isInstanceOf(RulesException.class).hasMessageContaining("can never match");
        // a loyalty condition alone is a condition
        RoutingRules alone = RulesLoader.parse(("defaults: {queue: q}\npriority:\n  - {name: x, max_loyalty_score: 0.2,"
                + " priority: 7}\n").getBytes(StandardCharsets.UTF_8), "t.yaml");
        assertThat(alone.decide(Optional.of(scored(0, 0.1, 0, Map.of()))).priority()).isEqualTo(7);
    }
}
