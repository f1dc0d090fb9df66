package com.callportrait.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.ami.AmiAction;
import com.callportrait.ami.AmiMessage;
import com.callportrait.ami.AmiResponse;
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
}
