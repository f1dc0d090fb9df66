package com.callportrait.portrait.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.portrait.engine.HistoryIngest;
import com.callportrait.portrait.semantic.Contact;
import com.callportrait.portrait.semantic.EmotionLexicon;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentGroupsTest {
    /** Three kinds of agent, four of each, with a little personal spread. */
    private static List<AgentFeatures> agents() {
        List<AgentFeatures> a = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int kind = i % 3; // 0 good, 1 average, 2 weak
            double e = (i / 3) * 0.01;
            a.add(new AgentFeatures(String.format("agent-%02d", i), 100, 200 + 60 * kind + 10 * e, 0.8 - 0.2 * kind + e,
                    4.5 - kind - e, 0.02 + 0.03 * kind, 0.01 + 0.04 * kind, 0.7 - 0.25 * kind + e));
        }
        return a;
    }

    @Test
    void namesTheGroupsFromTheirCentroids() {
        AgentGroups.Grouping g = AgentGroups.train(agents(), 7);
        assertThat(g.members().get("high")).containsExactly("agent-00", "agent-03", "agent-06", "agent-09");
        assertThat(g.members().get("middle")).containsExactly("agent-01", "agent-04", "agent-07", "agent-10");
        assertThat(g.members().get("low")).containsExactly("agent-02", "agent-05", "agent-08", "agent-11");
        assertThat(g.scores().get("high")).isGreaterThan(g.scores().get("middle"));
        assertThat(g.scores().get("middle")).isGreaterThan(g.scores().get("low"));
        assertThat(g.centroids().get("high")[AgentFeatures.NAMES.indexOf("fcr")]).isPositive();
        assertThat(g.score(agents().get(0))).isGreaterThan(g.score(agents().get(2)));
    }

    @Test
    void sameDataSameGroupsAndTooFewAgentsAreRefused() {
        assertThat(AgentGroups.train(agents(), 7).groupOf()).isEqualTo(AgentGroups.train(agents(), 7).groupOf());
        assertThatThrownBy(() -> AgentGroups.train(agents().subList(0, 2), 7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 3");
    }

    @Test
    void featuresComeFromTheContactsWithRecoveryAndFirstContactResolution() {
        ContactLog log = new ContactLog(EmotionLexicon.load());
        feed(log, "C1", 0, "billing", "a", "resolved", 4, "caller: i am furious agent: sorry caller: okay that makes sense now");
        feed(log, "C1", 3_600, "billing", "b", "resolved", 5, "caller: my bill is wrong"); // C1 again: a's was no FCR
        feed(log, "C2", 0, "outage", "a", "transferred", 0, "caller: this is ridiculous agent: sorry caller: still useless");
        feed(log, "C3", 0, "meter", "a", "escalated", 2, null);
        List<AgentFeatures> f = AgentFeatures.of(log, AgentFeatures.window(log, 0, 10_000), 1);
        AgentFeatures a = f.get(0);
        assertThat(a.agent()).isEqualTo("a");
        assertThat(a.contacts()).isEqualTo(3);
        assertThat(a.fcr()).isEqualTo(0.0);
        assertThat(a.recovery()).isEqualTo(0.5); // two started upset, one ended calm
        assertThat(a.transfers()).isEqualTo(1 / 3.0);
        assertThat(a.escalations()).isEqualTo(1 / 3.0);
        assertThat(a.survey()).isEqualTo(3.0);
        assertThat(f.get(1).fcr()).isEqualTo(1.0);
        assertThat(f.get(1).recovery()).isEqualTo(0.5); // none upset: the other agents' mean
    }

    private static void feed(ContactLog log, String customer, long at, String topic, String agent, String outcome,
                             int survey, String transcript) {
        String emotion = transcript == null ? "neutral" : EmotionLexicon.load().classify(transcript);
        InteractionRecord r = new InteractionRecord(customer + at + agent, customer, "+15550000000", "voice",
                Instant.ofEpochSecond(at), "q", agent, 5, 100, outcome, survey == 0 ? null : survey, null, topic,
                transcript);
        log.accept(new HistoryIngest.SemanticInteraction(r, customer, new Contact(at, at, "voice", 0, 5, 100, outcome,
                survey, emotion, topic)));
    }
}
