package com.callportrait.live.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.live.ami.AmiAction;
import com.callportrait.live.ami.AmiMessage;
import com.callportrait.live.ami.AmiResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The re-synchronisation after an AMI reconnect, with the replies played by hand (no sockets). */
class AmiCallTrackerTest {
    private final CallRegistry calls = CallRegistry.create(Clock.systemUTC(), Duration.ofHours(1));
    private final AmiCallTracker tracker = AmiCallTracker.create(calls, AgentDirectory.identity());
    private final Map<String, CompletableFuture<AmiResponse>> asked = new java.util.LinkedHashMap<>();
    private final List<String> changes = new CopyOnWriteArrayList<>();

    AmiCallTrackerTest() {
        calls.addListener((c, what) -> changes.add(c.callId() + ":" + what));
    }

    private CompletionStage<AmiResponse> send(AmiAction a) {
        CompletableFuture<AmiResponse> f = new CompletableFuture<>();
        asked.put(a.name(), f);
        return f;
    }

    private void route(String id, String channel) {
        calls.routed(new RoutedCall(id, channel, id + ".1", "5551234", "Jane", "billing", 5, "s", false, "r",
                Optional.empty()));
    }

    private void join(String id, String channel) {
        route(id, channel);
        tracker.onEvent(AmiMessage.of("Event", "QueueCallerJoin", "Channel", channel, "Uniqueid", id + ".1",
                "Queue", "billing", "Position", "1"));
    }

    private static AmiResponse list(String complete, String... entries) {
        List<AmiMessage> events = new ArrayList<>();
        for (int i = 0; i < entries.length; i += 2) {
            events.add(complete.equals("StatusComplete")
                    ? AmiMessage.of("Event", "Status", "Channel", entries[i], "Uniqueid", entries[i + 1])
                    : AmiMessage.of("Event", "QueueEntry", "Queue", "billing", "Position", "1", "Channel", entries[i],
                    "Uniqueid", entries[i + 1]));
        }
        return new AmiResponse(AmiMessage.of("Response", "Success", "EventList", "start"), events);
    }

    @Test
    void aCallRoutedWhileTheStatusReplyIsOnItsWayIsNotEnded() {
        join("c1", "PJSIP/a-1");
        tracker.resync(this::send, () -> true);
        // Asterisk built its channel list before this call's channel existed; the AGI route ran after.
        route("c2", "PJSIP/a-2");
        asked.get("Status").complete(list("StatusComplete", "PJSIP/a-1", "c1.1"));
        asked.get("QueueStatus").complete(list("QueueStatusComplete", "PJSIP/a-1", "c1.1"));
        assertThat(calls.get("c2")).isPresent();
        assertThat(calls.get("c1").orElseThrow().state()).isEqualTo(CallState.WAITING);
        assertThat(tracker.synchronised()).isTrue();
    }

    @Test
    void aCallerWhoHungUpWhileDisconnectedIsEndedOnce() {
        join("c1", "PJSIP/a-1");
        join("c2", "PJSIP/a-2");
        tracker.onDisconnected("connection lost");
        tracker.resync(this::send, () -> true);
        asked.get("Status").complete(list("StatusComplete", "PJSIP/a-2", "c2.1"));
        asked.get("QueueStatus").complete(list("QueueStatusComplete", "PJSIP/a-2", "c2.1"));
        assertThat(calls.get("c1")).isEmpty();
        assertThat(changes).containsOnlyOnce("c1:ENDED").doesNotContain("c2:ENDED");
        // the Hangup that was missed arrives late from a buffer: nothing happens twice
        tracker.onEvent(AmiMessage.of("Event", "Hangup", "Channel", "PJSIP/a-1", "Uniqueid", "c1.1"));
        assertThat(changes).containsOnlyOnce("c1:ENDED");
    }

    @Test
    void aCallerAnsweredWhileDisconnectedIsNoLongerTreatedAsWaiting() {
        join("c1", "PJSIP/a-1");
        join("c2", "PJSIP/a-2");
        tracker.onEvent(AmiMessage.of("Event", "AgentCalled", "Channel", "PJSIP/a-1", "Uniqueid", "c1.1",
                "Queue", "billing", "MemberName", "bob", "Interface", "PJSIP/bob"));
        tracker.onDisconnected("connection lost");
        assertThat(tracker.synchronised()).isFalse();
        tracker.resync(this::send, () -> true);
        assertThat(tracker.synchronised()).isFalse();
        // both channels still up, but only c2 still waits: c1 was answered while we were away
        asked.get("Status").complete(list("StatusComplete", "PJSIP/a-1", "c1.1", "PJSIP/a-2", "c2.1"));
        assertThat(tracker.synchronised()).isFalse();
        asked.get("QueueStatus").complete(list("QueueStatusComplete", "PJSIP/a-2", "c2.1"));
        assertThat(calls.get("c1").orElseThrow().state()).isEqualTo(CallState.CONNECTED);
        assertThat(calls.get("c1").orElseThrow().agent()).isEqualTo("bob");
        assertThat(calls.get("c2").orElseThrow().state()).isEqualTo(CallState.WAITING);
        assertThat(tracker.synchronised()).isTrue();
    }

    @Test
    void anEventNewerThanTheQueueListWins() {
        join("c1", "PJSIP/a-1");
        tracker.resync(this::send, () -> true);
        asked.get("Status").complete(list("StatusComplete", "PJSIP/a-1", "c1.1"));
        // the caller left the queue and hung up before the list was built; the Hangup is read first
        tracker.onEvent(AmiMessage.of("Event", "QueueCallerLeave", "Channel", "PJSIP/a-1", "Uniqueid", "c1.1",
                "Queue", "billing"));
        asked.get("QueueStatus").complete(list("QueueStatusComplete"));
        assertThat(changes).doesNotContain("c1:CONNECTED");
    }

    @Test
    void aReplyOfAnOlderConnectionDoesNotMarkTheStateSynchronised() {
        join("c1", "PJSIP/a-1");
        tracker.resync(this::send, () -> true);
        tracker.onDisconnected("connection lost");
        asked.get("Status").complete(list("StatusComplete", "PJSIP/a-1", "c1.1"));
        asked.get("QueueStatus").complete(list("QueueStatusComplete", "PJSIP/a-1", "c1.1"));
        assertThat(tracker.synchronised()).isFalse();
    }

    // --- callers answered while AMI was away: the agent from the bridge both channels share ---

    private static final String CALLER = "Local/5551234@cp-inbound-00000009;2";
    private static final String AGENT_LEG = "Local/agent1@cp-agents-0000000b;1";
    private static final String BRIDGE = "658c83b4-2a67-423d-8cc6-420eb2ba29d2";

    /** A {@code Status} event with the fields, in the order, of the recorded Asterisk 22 reply. */
    private static AmiMessage status(String channel, String uid, String context, String bridgeId, String app) {
        return AmiMessage.of("Event", "Status", "Privilege", "Call", "Channel", channel, "ChannelState", "6",
                "ChannelStateDesc", "Up", "CallerIDNum", "5551234", "CallerIDName", "Jane Doe",
                "ConnectedLineNum", "5551234", "ConnectedLineName", "Jane Doe", "Language", "en", "AccountCode", "",
                "Context", context, "Exten", "5551234", "Priority", "1", "Uniqueid", uid,
                "Linkedid", "1795339360.18", "Type", "Local", "DNID", "", "EffectiveConnectedLineNum", "5551234",
                "EffectiveConnectedLineName", "Jane Doe", "TimeToHangup", "0", "BridgeID", bridgeId,
                "Application", app, "Data", "", "Seconds", "12", "ActionID", "st1");
    }

    /** The reply to {@code Status} while the caller talks to agent1 (and a listen-only tap runs, in no bridge). */
    private static AmiResponse bridgedStatus() {
        return new AmiResponse(AmiMessage.of("Response", "Success", "ActionID", "st1", "EventList", "start",
                "Message", "Channel status will follow"), List.of(
                status("Local/df1b33ef-9433-43ba-85fe-f3668513653a@cp-tap-0000000a;1", "1795339360.20", "cp-tap",
                        "", "ChanSpy"),
                status(CALLER, "1795339360.19", "cp-inbound", BRIDGE, "Queue"),
                status(AGENT_LEG, "1795339360.22", "cp-agents", BRIDGE, "AppQueue"),
                status("Local/agent1@cp-agents-0000000b;2", "1795339360.23", "cp-agents", "", "Playback")));
    }

    /** {@code QueueStatus} with queue support's member agent1 in a call and nobody waiting. */
    private static AmiResponse memberInCall() {
        return new AmiResponse(AmiMessage.of("Response", "Success", "ActionID", "qs1", "EventList", "start",
                "Message", "Queue status will follow"), List.of(
                AmiMessage.of("Event", "QueueParams", "Queue", "support", "Max", "0", "Strategy", "ringall",
                        "Calls", "0", "ActionID", "qs1"),
                AmiMessage.of("Event", "QueueMember", "Queue", "support", "Name", "agent1",
                        "Location", "Local/agent1@cp-agents", "StateInterface", "Local/agent1@cp-agents",
                        "Membership", "static", "Penalty", "0", "CallsTaken", "1", "LastCall", "1795339217",
                        "LastPause", "0", "LoginTime", "1795339252", "InCall", "1", "Status", "2", "Paused", "0",
                        "PausedReason", "", "Wrapuptime", "0", "ActionID", "qs1")));
    }

    private void joinRecorded(AmiCallTracker t) {
        calls.routed(new RoutedCall("c9", CALLER, "1795339360.19", "5551234", "Jane Doe", "support", 5, "s", false,
                "r", Optional.empty()));
        t.onEvent(AmiMessage.of("Event", "QueueCallerJoin", "Channel", CALLER, "Uniqueid", "1795339360.19",
                "Queue", "support", "Position", "1"));
    }

    @Test
    void aCallerAnsweredWhileDisconnectedGetsTheAgentWhoseChannelSharesItsBridge() {
        joinRecorded(tracker);
        tracker.onDisconnected("connection lost");
        // AgentCalled and AgentConnect were lost with the connection
        tracker.resync(this::send, () -> true);
        asked.get("Status").complete(bridgedStatus());
        asked.get("QueueStatus").complete(memberInCall());
        CallSnapshot c = calls.get("c9").orElseThrow();
        assertThat(c.state()).isEqualTo(CallState.CONNECTED);
        assertThat(c.agent()).isEqualTo("agent1");
        assertThat(changes).containsOnlyOnce("c9:CONNECTED");

        // a second drop: the call is connected with its agent, so nothing is re-announced (no second pop)
        tracker.onDisconnected("connection lost");
        tracker.resync(this::send, () -> true);
        asked.get("Status").complete(bridgedStatus());
        asked.get("QueueStatus").complete(memberInCall());
        assertThat(changes).containsOnlyOnce("c9:CONNECTED");
        assertThat(tracker.synchronised()).isTrue();
    }

    @Test
    void aCallConnectedBeforeTheDropIsNotAnnouncedAgain() {
        joinRecorded(tracker);
        tracker.onEvent(AmiMessage.of("Event", "AgentConnect", "Channel", CALLER, "Uniqueid", "1795339360.19",
                "DestChannel", AGENT_LEG, "Queue", "support", "Interface", "Local/agent1@cp-agents",
                "MemberName", "agent1"));
        tracker.onDisconnected("connection lost");
        tracker.resync(this::send, () -> true);
        asked.get("Status").complete(bridgedStatus());
        asked.get("QueueStatus").complete(memberInCall());
        assertThat(changes).containsOnlyOnce("c9:CONNECTED");
        assertThat(calls.get("c9").orElseThrow().agent()).isEqualTo("agent1");
    }

    @Test
    void theAgentMapNamesTheInterfaceEvenWithoutAQueueMemberList() {
        AmiCallTracker mapped = AmiCallTracker.create(calls, AgentDirectory.parse("Local/agent1@cp-agents=alice"));
        joinRecorded(mapped);
        mapped.resync(this::send, () -> true);
        asked.get("Status").complete(bridgedStatus());
        asked.get("QueueStatus").complete(list("QueueStatusComplete"));
        assertThat(calls.get("c9").orElseThrow().agent()).isEqualTo("alice");
    }

    @Test
    void withoutABridgeOrAMemberNameTheCallerIsConnectedButNoAgentIsGuessed() {
        joinRecorded(tracker);
        tracker.resync(this::send, () -> true);
        asked.get("Status").complete(bridgedStatus());
        asked.get("QueueStatus").complete(list("QueueStatusComplete"));
        CallSnapshot c = calls.get("c9").orElseThrow();
        assertThat(c.state()).isEqualTo(CallState.CONNECTED);
        assertThat(c.agent()).as("Local_agent1_cp-agents is nobody's page").isEmpty();
    }

    @Test
    void aChannelNameLosesAsterisksSequenceSuffix() {
        assertThat(ResyncPeers.interfaceOf(AGENT_LEG)).isEqualTo("Local/agent1@cp-agents");
        assertThat(ResyncPeers.interfaceOf("PJSIP/1001-00000002")).isEqualTo("PJSIP/1001");
        assertThat(ResyncPeers.interfaceOf("PJSIP/trunk-a-0000001f")).isEqualTo("PJSIP/trunk-a");
    }

    @Test
    void aCallerRoutedAndAnsweredDuringOneOutageIsConnectedOnlyWhenItsAgentIsNamed() {
        tracker.onDisconnected("connection lost");
        // routed by the AGI while AMI was down; QueueCallerJoin, AgentCalled, AgentConnect all lost
        calls.routed(new RoutedCall("c9", CALLER, "1795339360.19", "5551234", "Jane Doe", "support", 5, "s", false,
                "r", Optional.empty()));
        route("c2", "PJSIP/a-2"); // routed too, still in the dialplan before Queue(): in no queue, no bridge
        tracker.resync(this::send, () -> true);
        AmiResponse status = bridgedStatus();
        List<AmiMessage> events = new ArrayList<>(status.events());
        events.add(status("PJSIP/a-2", "c2.1", "cp-inbound", "", "AGI"));
        asked.get("Status").complete(new AmiResponse(status.reply(), events));
        asked.get("QueueStatus").complete(memberInCall());
        assertThat(calls.get("c9").orElseThrow().state()).isEqualTo(CallState.CONNECTED);
        assertThat(calls.get("c9").orElseThrow().agent()).isEqualTo("agent1");
        assertThat(calls.get("c2").orElseThrow().state()).isEqualTo(CallState.ROUTED);
        assertThat(changes).containsOnlyOnce("c9:CONNECTED").doesNotContain("c2:CONNECTED");
    }
}
