package com.callportrait.portrait.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssociationRulesTest {
    private static final AssociationRules.Options LOOSE = new AssociationRules.Options(0.01, 0.0, 1.0, 0.1, 100);

    /** 100 customers: 20 on fibre (16 call about outages), 80 others (10 call about outages); tier independent. */
    private static List<AssociationRules.Basket> fibre() {
        List<AssociationRules.Basket> b = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            boolean fibre = i < 20;
            boolean outage = fibre ? i % 5 != 4 : i < 30;
            b.add(new AssociationRules.Basket(Set.of(fibre ? "plan:fibre" : "plan:flex", i % 2 == 0 ? "tier:gold"
                    : "tier:standard"), outage ? Set.of("outage") : Set.of("billing")));
        }
        return b;
    }

    @Test
    void measuresSupportConfidenceAndLiftExactly() {
        AssociationRules.Rule r = AssociationRules.mine(fibre(), LOOSE).stream()
                .filter(x -> x.antecedent().equals(List.of("plan:fibre")) && x.reason().equals("outage"))
                .findFirst().orElseThrow();
        assertThat(r.count()).isEqualTo(16);
        assertThat(r.support()).isCloseTo(0.16, within(1e-12));
        assertThat(r.confidence()).isCloseTo(0.8, within(1e-12));
        assertThat(r.lift()).isCloseTo(0.8 / 0.26, within(1e-12));
    }

    @Test
    void ranksByLiftAndDropsPairsThatAddNothing() {
        List<AssociationRules.Rule> rules = AssociationRules.mine(fibre(), LOOSE);
        assertThat(rules.get(0).toString()).isEqualTo("plan:fibre => outage");
        for (int i = 1; i < rules.size(); i++) {
            assertThat(rules.get(i).lift()).isLessThanOrEqualTo(rules.get(i - 1).lift());
        }
        // tier is independent of the reason here, so fibre & tier adds no lift beyond fibre alone
        assertThat(rules).noneMatch(r -> r.antecedent().size() == 2 && r.reason().equals("outage")
                && r.antecedent().contains("plan:fibre"));
    }

    @Test
    void keepsAPairOnlyWhenItLiftsMoreThanEitherItem() {
        List<AssociationRules.Basket> b = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            boolean business = i % 2 == 0;
            boolean fibre = (i / 2) % 2 == 0;
            boolean outage = business && fibre ? i % 8 < 6 : i % 10 == 1;
            b.add(new AssociationRules.Basket(Set.of(business ? "business:true" : "business:false",
                    fibre ? "plan:fibre" : "plan:flex"), outage ? Set.of("outage") : Set.of()));
        }
        List<AssociationRules.Rule> rules = AssociationRules.mine(b, LOOSE);
        assertThat(rules.get(0).antecedent()).containsExactly("business:true", "plan:fibre");
        assertThat(rules.get(0).reason()).isEqualTo("outage");
    }

    @Test
    void thresholdsFilterAndBasketsCountCustomersWithoutContacts() {
        assertThat(AssociationRules.mine(fibre(), new AssociationRules.Options(0.01, 0.9, 1.0, 0.1, 100))).isEmpty();
        ContactLog log = new ContactLog(com.callportrait.portrait.semantic.EmotionLexicon.load());
        log.add("C1", 100, "outage", "a", "voice", "resolved", 0, 60, false, false);
        log.add("C1", 5_000, "billing", "a", "voice", "resolved", 0, 60, false, false);
        List<AssociationRules.Basket> baskets = AssociationRules.baskets(log, 0, 1_000,
                Map.of("C1", Set.of("plan:fibre"), "C2", Set.of("plan:flex")));
        assertThat(baskets).hasSize(2);
        assertThat(baskets.get(0).reasons()).containsExactly("outage");
        assertThat(baskets.get(1).reasons()).isEmpty();
        assertThat(AssociationRules.itemsOf("gold", Map.of("plan", "fibre-max", "household", "3")))
                .containsExactly("plan:fibre-max", "tier:gold");
    }
}
