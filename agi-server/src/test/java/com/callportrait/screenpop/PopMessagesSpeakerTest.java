package com.callportrait.screenpop;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.live.calls.CallChange;
import com.callportrait.live.calls.CallRegistry;
import com.callportrait.live.calls.RoutedCall;
import com.callportrait.speech.pipeline.Speaker;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The agent page's transcript lines name the speaker when, and only when, the agent's leg is tapped. */
class PopMessagesSpeakerTest {
    final CallRegistry calls = CallRegistry.create(Clock.systemUTC(), Duration.ofHours(1));

    void call(String id, boolean tapped) {
        calls.routed(new RoutedCall(id, "PJSIP/t-1", id + ".1", "5551234", "Jane", "billing", 0, "s", false, "r",
                Optional.empty()));
        calls.update(id, false, CallChange.CONNECTED, v -> v.agent("agent1").connected(Instant.now()));
        if (tapped) {
            calls.agentLegStarted(id);
        }
        calls.transcript(id, 1, true, "my bill is wrong", Speaker.CALLER);
        if (tapped) {
            calls.transcript(id, 1, false, "let me check", Speaker.AGENT);
        }
    }

    @Test
    void tappedCallsNameTheSpeakerOfEveryLine() {
        call("c1", true);
        JsonNode pop = PopMessages.pop(calls.get("c1").orElseThrow(), Instant.now());
        assertThat(pop.path("transcript").findValuesAsText("speaker")).containsExactly("caller", "agent");
        JsonNode last = PopMessages.transcript(calls.get("c1").orElseThrow()).path("utterance");
        assertThat(last.path("speaker").asText()).isEqualTo("agent");
        assertThat(last.path("final").asBoolean()).isFalse();
    }

    @Test
    void callerOnlyCallsKeepTheirLinesAsBefore() {
        call("c2", false);
        JsonNode pop = PopMessages.pop(calls.get("c2").orElseThrow(), Instant.now());
        assertThat(pop.path("transcript")).hasSize(1);
        assertThat(pop.path("transcript").get(0).has("speaker")).isFalse();
        assertThat(pop.path("transcript").get(0).path("text").asText()).isEqualTo("my bill is wrong");
    }
}
