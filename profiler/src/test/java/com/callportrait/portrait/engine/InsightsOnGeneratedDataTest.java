package com.callportrait.portrait.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.portrait.gen.SyntheticSource;
import com.callportrait.portrait.insights.AgentFeatures;
import com.callportrait.portrait.insights.AgentGroups;
import com.callportrait.portrait.insights.AssociationRules;
import com.callportrait.portrait.insights.ContactLog;
import com.callportrait.portrait.insights.Insights;
import com.callportrait.profile.memory.InMemoryProfileStore;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The insights find what the generator hides: plan-to-reason links, agent quality, weekly rhythm. */
class InsightsOnGeneratedDataTest {
    private static ContactLog log;
    private static Insights insights;

    @BeforeAll
    static void build() {
        log = new ContactLog(PortraitConfig.load().emotions());
        BatchBuild.Result r = new BatchBuild(PortraitConfig.load(), InMemoryProfileStore.create(), 50_000, 2)
                .run(List.of(new SyntheticSource(EngineFixture.DATA)), EngineFixture.AS_OF, EngineFixture.build().models(),
                        BuildListener.NONE, log);
        insights = Insights.compute(log, Insights.items(r.histories().all()), EngineFixture.AS_OF);
    }

    @Test
    void findsThePlanToReasonLinks() {
        assertThat(insights.rules()).anySatisfy(rule -> {
            assertThat(rule.antecedent()).containsExactly("plan:fibre-max");
            assertThat(rule.reason()).isEqualTo("outage");
            assertThat(rule.lift()).isGreaterThan(1.3); // outages are common: 54% of customers call about one
        });
        assertThat(insights.rules()).anySatisfy(rule -> {
            assertThat(rule.antecedent()).containsExactly("plan:smart-meter");
            assertThat(rule.reason()).isEqualTo("meter");
            assertThat(rule.lift()).isGreaterThan(1.5);
        });
        for (AssociationRules.Rule rule : insights.rules()) {
            assertThat(rule.lift()).isGreaterThanOrEqualTo(AssociationRules.Options.DEFAULT.minLift());
        }
    }

    @Test
    void groupsAllSixtyAgentsAndTheHighGroupResolvesMore() {
        AgentGroups.Grouping g = insights.groups().orElseThrow();
        assertThat(g.groupOf()).hasSize(60);
        assertThat(g.members().values()).allSatisfy(m -> assertThat(m).isNotEmpty());
        double high = mean(g, "high");
        double low = mean(g, "low");
        assertThat(high).isGreaterThan(low + 0.05);
        assertThat(insights.penalties()).containsEntry(g.members().get("high").get(0), 0);
    }

    @Test
    void forecastFollowsTheWeeklyRhythmAndBeatsNaive() {
        double[] m = insights.forecast().mean();
        double weekday = 0;
        double weekend = 0;
        for (int h = 0; h < m.length; h++) {
            long t = insights.forecast().start() + h * 3600L;
            int dow = (int) Math.floorMod(t / 86_400 + 3, 7L);
            if (dow >= 5) {
                weekend += m[h] / 48;
            } else {
                weekday += m[h] / 120;
            }
        }
        assertThat(weekend).isLessThan(weekday * 0.8);
        assertThat(insights.lastWeekSeasonal().mae()).isLessThan(insights.lastWeekNaive().mae());
        assertThat(insights.heat().byVolume()).isNotEmpty();
        assertThat(insights.toJson()).containsKeys("agent_groups", "association_rules", "demand_heat", "forecast");
    }

    private static double mean(AgentGroups.Grouping g, String group) {
        return g.agents().stream().filter(a -> group.equals(g.groupOf().get(a.agent())))
                .mapToDouble(AgentFeatures::fcr).average().orElseThrow();
    }
}
