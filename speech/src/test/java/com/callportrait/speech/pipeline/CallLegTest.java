package com.callportrait.speech.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class CallLegTest {
    static final UUID CALL = UUID.fromString("3d6a2e28-b1c8-4948-baed-34d706a0a6f8");

    @Test
    void theCallersStreamIsTheCallItself() {
        CallLeg leg = CallLeg.of(CALL);
        assertThat(leg).isEqualTo(new CallLeg(CALL.toString(), Speaker.CALLER));
        assertThat(leg.key()).isEqualTo(CALL.toString());
    }

    @Test
    void theAgentsStreamIsTheCallWithVersionEightAndMapsBack() {
        UUID agent = CallLeg.agentStreamOf(CALL);
        // what the dialplan derives with ${CP_UUID:0:14}8${CP_UUID:15}
        String s = CALL.toString();
        assertThat(agent.toString()).isEqualTo(s.substring(0, 14) + "8" + s.substring(15));
        assertThat(agent.version()).isEqualTo(8);
        assertThat(agent.variant()).isEqualTo(CALL.variant());
        CallLeg leg = CallLeg.of(agent);
        assertThat(leg.callId()).isEqualTo(s);
        assertThat(leg.speaker()).isEqualTo(Speaker.AGENT);
        assertThat(leg.key()).isNotEqualTo(s).startsWith(s);
    }

    @Test
    void everyRandomCallIdRoundTrips() {
        for (int i = 0; i < 1000; i++) {
            UUID call = UUID.randomUUID();
            assertThat(CallLeg.of(CallLeg.agentStreamOf(call)).callId()).isEqualTo(call.toString());
            assertThat(CallLeg.of(call).speaker()).isEqualTo(Speaker.CALLER);
        }
    }

    @Test
    void speakersHaveLowerCaseWireNames() {
        assertThat(Speaker.CALLER.wireName()).isEqualTo("caller");
        assertThat(Speaker.AGENT.wireName()).isEqualTo("agent");
    }
}
