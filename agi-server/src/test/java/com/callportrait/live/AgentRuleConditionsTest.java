package com.callportrait.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callportrait.live.calls.CallChange;
import com.callportrait.live.calls.CallRegistry;
import com.callportrait.live.calls.CallSnapshot;
import com.callportrait.live.calls.RoutedCall;
import com.callportrait.route.RulesException;
import com.callportrait.speech.pipeline.Speaker;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The live rules' conditions on what the agent said ({@code agent_said}, {@code agent_not_said}, {@code min_connected_seconds}). */
class AgentRuleConditionsTest {
    static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    static final String YAML = """
            rate_limit: {actions_per_second: 5, per_call_max: 3}
            rules:
              - name: no-recording-notice
                when:
                  state: connected
                  min_connected_seconds: 30
                  agent_not_said: ["this call may be recorded", "this call is recorded"]
                then:
                  alert: "Say the recording notice."
              - name: offered-callback
                when:
                  agent_said: ["call you back"]
                then:
                  alert: "Callback promised: log it."
            """;

    final CallRegistry calls = CallRegistry.create(Clock.fixed(T0, ZoneOffset.UTC), Duration.ofHours(1));
    final LiveRules rules = LiveRulesLoader.parse(YAML.getBytes(StandardCharsets.UTF_8), "test");
    final LiveRules.Rule notice = rules.rules().get(0);
    final LiveRules.Rule callback = rules.rules().get(1);

    CallSnapshot connectedCall(String id, boolean agentTapped) {
        calls.routed(new RoutedCall(id, "PJSIP/t-1", id + ".1", "5551234", "Jane", "billing", 0, "s", false, "r",
                Optional.empty()));
        calls.update(id, false, CallChange.CONNECTED, v -> v.agent("agent1").connected(T0));
        if (agentTapped) {
            calls.agentLegStarted(id);
        }
        return calls.get(id).orElseThrow();
    }

    @Test
    void theYamlKeysParseAndTheOldConstructorStillWorks() {
        assertThat(notice.when().agentNotSaid()).containsExactly("this call may be recorded", "this call is recorded");
        assertThat(notice.when().minConnectedSeconds()).isEqualTo(30);
        assertThat(callback.when().agentSaid()).containsExactly("call you back");
        LiveRules.When old = new LiveRules.When("waiting", List.of("angry"), null, null, null, null, 10);
        assertThat(old.agentSaid()).isEmpty();
        assertThat(old.agentNotSaid()).isEmpty();
        assertThat(old.minConnectedSeconds()).isNull();
    }

    @Test
    void aMissingNoticeFiresOnlyAfterTheGraceTime() {
        connectedCall("c1", true);
        calls.transcript("c1", 1, true, "hello how can i help you today", Speaker.AGENT);
        CallSnapshot c = calls.get("c1").orElseThrow();
        assertThat(notice.matches(c, T0.plusSeconds(29))).isFalse(); // the agent still has time
        assertThat(notice.matches(c, T0.plusSeconds(30))).isTrue();
    }

    @Test
    void theNoticeSaidInAnyListedWordingOrAcrossTwoUtterancesKeepsItQuiet() {
        connectedCall("c2", true);
        calls.transcript("c2", 1, true, "Thank you for calling. This call", Speaker.AGENT);
        calls.transcript("c2", 1, true, "this call may be recorded", Speaker.CALLER); // the caller's words do not count
        calls.transcript("c2", 2, true, "may be RECORDED for training", Speaker.AGENT);
        assertThat(notice.matches(calls.get("c2").orElseThrow(), T0.plusSeconds(60))).isFalse();

        connectedCall("c3", true);
        calls.transcript("c3", 1, true, "this call is recorded", Speaker.AGENT);
        assertThat(notice.matches(calls.get("c3").orElseThrow(), T0.plusSeconds(60))).isFalse();
    }

    @Test
    void onlyTheCallersWordsDoNotCountAsTheAgents() {
        connectedCall("c4", true);
        calls.transcript("c4", 1, true, "this call may be recorded", Speaker.CALLER);
        assertThat(notice.matches(calls.get("c4").orElseThrow(), T0.plusSeconds(60))).isTrue();
    }

    @Test
    void aPartialIsNotYetSaidAndWholeWordsOnly() {
        connectedCall("c5", true);
        calls.transcript("c5", 1, false, "this call may be recorded", Speaker.AGENT);
        assertThat(notice.matches(calls.get("c5").orElseThrow(), T0.plusSeconds(60))).isTrue();
        calls.transcript("c5", 1, true, "this call may be recordedx", Speaker.AGENT);
        assertThat(notice.matches(calls.get("c5").orElseThrow(), T0.plusSeconds(60))).isTrue();
    }

    @Test
    void aCallWhoseAgentIsNotHeardNeverMatchesAgentConditions() {
        connectedCall("c6", false);
        CallSnapshot c = calls.get("c6").orElseThrow();
        assertThat(notice.matches(c, T0.plusSeconds(600))).isFalse();
        assertThat(callback.matches(c, T0.plusSeconds(600))).isFalse();
    }

    @Test
    void agentSaidMatchesAPhrase() {
        connectedCall("c7", true);
        assertThat(callback.matches(calls.get("c7").orElseThrow(), T0)).isFalse();
        calls.transcript("c7", 1, true, "i will call you back tomorrow", Speaker.AGENT);
        assertThat(callback.matches(calls.get("c7").orElseThrow(), T0)).isTrue();
    }

    @Test
    void badAgentConditionsAreRejected() {
        assertThatThrownBy(() -> LiveRulesLoader.parse("""
                rate_limit: {actions_per_second: 5, per_call_max: 3}
                rules:
                  - name: x
                    when: {agent_not_said: ["  ..  "]}
                    then: {alert: "x"}
                """.getBytes(StandardCharsets.UTF_8), "test")).isInstanceOf(RulesException.class)
                .hasMessageContaining("agent_not_said");
        assertThatThrownBy(() -> LiveRulesLoader.parse("""
                rate_limit: {actions_per_second: 5, per_call_max: 3}
                rules:
                  - name: x
                    when: {min_connected_seconds: -1}
                    then: {alert: "x"}
                """.getBytes(StandardCharsets.UTF_8), "test")).isInstanceOf(RulesException.class)
                .hasMessageContaining("min_connected_seconds");
    }

    @Test
    void normalisingKeepsWordsAndPlaceholdersOnly() {
        assertThat(AgentPhrases.normalise("  Thïs  call, MAY be—recorded! [NUMBER] ")).isEqualTo(
                "this call may be recorded [number]");
    }
}
