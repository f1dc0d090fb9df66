package com.callportrait.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.profile.Tier;
import com.callportrait.profile.redis.TestProfiles;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoutingRulesTest {
    private final RoutingRules rules = RulesLoader.bundled();

    private static RoutingRules parse(String yaml) {
        return RulesLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml");
    }

    @Test
    void unknownCallerGetsTheDefaults() {
        RoutingDecision d = rules.decide(Optional.empty());
        assertThat(d).isEqualTo(new RoutingDecision("support", 0, "unknown", false, "en", "welcome", false, "",
                "unknown-caller"));
    }

    @Test
    void degradedIsTheDefaultsFlagged() {
        RoutingDecision d = rules.degraded();
        assertThat(d.queue()).isEqualTo("support");
        assertThat(d.degraded()).isTrue();
        assertThat(d.channelVariables("u")).containsEntry("CP_DEGRADED", "1").containsEntry("CP_UUID", "u");
    }

    @Test
    void tierAndValueSetPriorityFirstMatchWins() {
        var platinum = TestProfiles.of("A", "5550001", Tier.PLATINUM, "en", 10, 0, 0, null);
        var richStandard = TestProfiles.of("B", "5550002", Tier.STANDARD, "en", 25_000, 0, 0, null);
        var gold = TestProfiles.of("C", "5550003", Tier.GOLD, "en", 100, 0, 0, null);
        var standard = TestProfiles.of("D", "5550004", Tier.STANDARD, "en", 100, 0, 0, null);
        assertThat(rules.decide(Optional.of(platinum))).extracting(RoutingDecision::priority, RoutingDecision::vip,
                RoutingDecision::greeting, RoutingDecision::rule).containsExactly(10, true, "welcome-vip", "priority:platinum");
        assertThat(rules.decide(Optional.of(richStandard))).extracting(RoutingDecision::priority, RoutingDecision::vip)
                .containsExactly(8, true);
        assertThat(rules.decide(Optional.of(gold))).extracting(RoutingDecision::priority, RoutingDecision::vip,
                RoutingDecision::greeting).containsExactly(5, false, "welcome-back");
        assertThat(rules.decide(Optional.of(standard))).extracting(RoutingDecision::queue, RoutingDecision::priority,
                RoutingDecision::rule, RoutingDecision::customerId).containsExactly("support", 0, "known-caller", "D");
    }

    @Test
    void anyTierLabelMapsToPriorityAndVipAndAnUnnamedOneRoutesOnDefaults() {
        var vip = TestProfiles.of("V", "5550001", Tier.parse("vip"), "en", 10, 0, 0, null);
        var premium = TestProfiles.of("P", "5550002", Tier.parse("Premium"), "en", 10, 0, 0, "billing");
        assertThat(rules.decide(Optional.of(vip))).extracting(RoutingDecision::priority, RoutingDecision::vip,
                RoutingDecision::rule).containsExactly(10, true, "priority:vip");
        assertThat(rules.decide(Optional.of(premium))).extracting(RoutingDecision::queue, RoutingDecision::priority,
                RoutingDecision::vip, RoutingDecision::customerId).containsExactly("billing", 0, false, "P");
        assertThat(rules.knowsTier(Tier.parse("VIP"))).isTrue();
        assertThat(rules.knowsTier(Tier.STANDARD)).isTrue(); // default_tiers
        assertThat(rules.knowsTier(Tier.parse("premium"))).isFalse();

        RoutingRules own = parse("defaults: {queue: q}\npriority:\n  - {name: e, tier: Enterprise Plus, priority: 7, vip: true}\n");
        var enterprise = TestProfiles.of("E", "5550003", Tier.parse("enterprise-plus"), "en", 10, 0, 0, null);
        assertThat(own.decide(Optional.of(enterprise))).extracting(RoutingDecision::priority, RoutingDecision::vip)
                .containsExactly(7, true);
        assertThat(own.knowsTier(Tier.STANDARD)).isFalse();
    }

    @Test
    void anUnknownTierIsWarnedAboutOncePerLabel() {
        UnknownTiers unknown = new UnknownTiers();
        assertThat(unknown.check(rules, Tier.parse("premium"))).isTrue();
        assertThat(unknown.check(rules, Tier.parse("PREMIUM"))).isFalse();
        assertThat(unknown.check(rules, Tier.parse("vip"))).isFalse();
        assertThat(unknown.check(rules, Tier.parse("enterprise"))).isTrue();
        for (int i = 0; i < UnknownTiers.MAX_LABELS + 10; i++) {
            unknown.check(rules, Tier.parse("label-" + i));
        }
        assertThat(unknown.check(rules, Tier.parse("one-more"))).isFalse(); // bounded: no memory past the cap
    }

    @Test
    void openComplaintOrHighRiskGoesToExperiencedBeforeTopic() {
        var complaint = TestProfiles.of("A", "5550001", Tier.SILVER, "en", 10, 0.1, 1, "billing");
        var risky = TestProfiles.of("B", "5550002", Tier.STANDARD, "en", 10, 0.7, 0, "technical");
        var calm = TestProfiles.of("C", "5550003", Tier.STANDARD, "en", 10, 0.69, 0, "technical");
        assertThat(rules.decide(Optional.of(complaint))).extracting(RoutingDecision::queue, RoutingDecision::priority,
                RoutingDecision::rule).containsExactly("experienced", 3, "priority:silver,experienced");
        assertThat(rules.decide(Optional.of(risky)).queue()).isEqualTo("experienced");
        assertThat(rules.decide(Optional.of(calm))).extracting(RoutingDecision::queue, RoutingDecision::rule)
                .containsExactly("technical", "topic:technical");
    }

    @Test
    void lastTopicPicksTheSkillQueueAndLanguageTheGreeting() {
        var payment = TestProfiles.of("A", "5550001", Tier.STANDARD, "zh", 10, 0, 0, "payment");
        var chinese = TestProfiles.of("B", "5550002", Tier.STANDARD, "zh", 10, 0, 0, "weather");
        var french = TestProfiles.of("C", "5550003", Tier.STANDARD, "fr", 10, 0, 0, null);
        assertThat(rules.decide(Optional.of(payment))).extracting(RoutingDecision::queue, RoutingDecision::greeting,
                RoutingDecision::language).containsExactly("billing", "welcome-zh", "zh");
        assertThat(rules.decide(Optional.of(chinese))).extracting(RoutingDecision::queue, RoutingDecision::rule)
                .containsExactly("support-zh", "language:zh");
        assertThat(rules.decide(Optional.of(french))).extracting(RoutingDecision::queue, RoutingDecision::greeting)
                .containsExactly("support", "welcome-back");
    }

    @Test
    void segmentWithUnsafeCharactersIsSanitised() {
        var p = TestProfiles.asteriskJane();
        var odd = new com.callportrait.profile.CustomerProfile(p.customerId(), p.name(), p.phones(), p.tier(),
                p.language(), "big, \"loyal\" spenders", p.lifetimeValue(), p.valueScore(), p.loyaltyScore(),
                p.complaintRisk(), p.openIssues(), p.lastTopics(), p.tags(), p.updatedAt());
        assertThat(rules.decide(Optional.of(odd)).segment()).isEqualTo("big___loyal__spenders");
    }

    @Test
    void minimalFileNeedsOnlyDefaults() {
        RoutingRules r = parse("defaults:\n  queue: main\n");
        assertThat(r.decide(Optional.of(TestProfiles.asteriskJane()))).extracting(RoutingDecision::queue,
                RoutingDecision::priority, RoutingDecision::greeting).containsExactly("main", 0, "welcome");
    }

    @Test
    void invalidRulesAreRejectedWithTheReason() {
        assertThatThrownBy(() -> parse("priority: []\n")).isInstanceOf(RulesException.class)
                .hasMessageContaining("defaults");
        assertThatThrownBy(() -> parse("defaults: {queue: 'bad queue'}\n")).isInstanceOf(RulesException.class)
                .hasMessageContaining("defaults.queue");
        assertThatThrownBy(() -> parse("defaults: {queue: q}\npriority:\n  - {name: x, tier: " + "x".repeat(70) + ", priority: 1}\n"))
                .isInstanceOf(RulesException.class).hasMessageContaining("priority rule 'x' tier")
                .hasMessageContaining("longer than 64");
        assertThatThrownBy(() -> parse("defaults: {queue: q}\npriority:\n  - {name: x, priority: 1}\n"))
                .isInstanceOf(RulesException.class).hasMessageContaining("needs a condition");
        assertThatThrownBy(() -> parse("defaults: {queue: q, priority: 5000}\n")).isInstanceOf(RulesException.class)
                .hasMessageContaining("defaults.priority");
        assertThatThrownBy(() -> parse("defaults: {queue: q}\nexperienced: {queue: e, min_complaint_risk: 2}\n"))
                .isInstanceOf(RulesException.class).hasMessageContaining("min_complaint_risk");
        assertThatThrownBy(() -> parse("defaults: {queue: q}\ntopcs: {billing: b}\n")).isInstanceOf(RulesException.class)
                .hasMessageContaining("topcs");
        assertThatThrownBy(() -> parse("defaults: [unclosed\n")).isInstanceOf(RulesException.class)
                .hasMessageContaining("test.yaml");
    }
}
