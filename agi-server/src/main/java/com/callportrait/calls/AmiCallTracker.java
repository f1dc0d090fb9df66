package com.callportrait.calls;

import com.callportrait.ami.AmiAction;
import com.callportrait.ami.AmiClient;
import com.callportrait.ami.AmiListener;
import com.callportrait.ami.AmiMessage;
import com.callportrait.ami.AmiResponse;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds AMI events into the {@link CallRegistry}: queue joins and positions, agents called and
 * connected, hangups; and re-synchronises after every (re)connect with {@code Status} and
 * {@code QueueStatus}: calls whose channel is gone are ended, waiting callers not yet known are
 * added. Runs on the AMI dispatch thread; thread-safe through the registry.
 */
public final class AmiCallTracker implements AmiListener {
    private static final Logger log = LoggerFactory.getLogger(AmiCallTracker.class);
    /** The events this tracker needs (the AMI client's filter). */
    public static final Set<String> EVENTS = Set.of("QueueCallerJoin", "QueueCallerLeave", "AgentCalled",
            "AgentRingNoAnswer", "AgentConnect", "AgentComplete", "BridgeEnter", "Hangup", "FullyBooted");

    private final CallRegistry calls;
    private final AgentDirectory agents;

    private AmiCallTracker(CallRegistry calls, AgentDirectory agents) {
        this.calls = calls;
        this.agents = agents;
    }

    public static AmiCallTracker create(CallRegistry calls, AgentDirectory agents) {
        return new AmiCallTracker(calls, agents);
    }

    @Override
    public void onEvent(AmiMessage e) {
        switch (e.eventLower()) {
            case "queuecallerjoin" -> join(e, e.intValue("Position", 0));
            case "queuecallerleave" -> existing(e).ifPresent(id -> calls.update(id, false, CallChange.QUEUED,
                    c -> c.position(0)));
            case "agentcalled" -> existing(e).ifPresent(id -> calls.update(id, false, CallChange.AGENT_CALLED,
                    c -> c.state(CallState.RINGING).agent(agent(e))));
            case "agentringnoanswer" -> existing(e).ifPresent(id -> calls.update(id, false, CallChange.QUEUED,
                    c -> c.state(CallState.WAITING).agent("")));
            case "agentconnect" -> existing(e).ifPresent(id -> calls.update(id, false, CallChange.CONNECTED,
                    c -> c.connected(Instant.now(calls.clock())).agent(agent(e))));
            case "agentcomplete" -> existing(e).ifPresent(id -> calls.update(id, false, CallChange.AGENT_DONE,
                    c -> { }));
            case "hangup" -> existing(e).ifPresent(id -> calls.ended(id, "Hangup cause " + e.value("Cause")
                    + " " + e.value("Cause-txt")));
            default -> { }
        }
    }

    private String agent(AmiMessage e) {
        return agents.agentFor(e.value("MemberName"), e.value("Interface"));
    }

    private java.util.Optional<String> existing(AmiMessage e) {
        return calls.findId(e.value("Uniqueid"), e.value("Channel"));
    }

    private void join(AmiMessage e, int position) {
        String uid = e.value("Uniqueid");
        String id = existing(e).orElse("ami-" + uid);
        Instant now = Instant.now(calls.clock());
        calls.update(id, true, CallChange.QUEUED, c -> c.channel(e.value("Channel"), uid, e.value("Linkedid"))
                .caller(known(e.value("CallerIDNum")), known(e.value("CallerIDName")))
                .state(CallState.WAITING).queue(e.value("Queue"), position, now));
    }

    private static String known(String v) {
        return "<unknown>".equals(v) ? "" : v;
    }

    @Override
    public void onConnected(AmiClient client) {
        client.send(AmiAction.status()).thenAccept(this::resyncChannels)
                .thenCompose(x -> client.send(AmiAction.queueStatus()))
                .thenAccept(this::resyncQueues)
                .exceptionally(t -> {
                    log.warn("AMI re-synchronisation failed: {}", t.toString());
                    return null;
                });
    }

    /** Ends calls whose caller channel no longer exists (hung up while we were disconnected). */
    void resyncChannels(AmiResponse status) {
        Set<String> live = new HashSet<>();
        for (AmiMessage s : status.events()) {
            live.add(s.value("Uniqueid"));
            live.add(s.value("Channel"));
        }
        int ended = 0;
        for (CallSnapshot c : calls.all()) {
            boolean known = !c.uniqueId().isEmpty() || !c.channel().isEmpty();
            if (known && !live.contains(c.uniqueId()) && !live.contains(c.channel())) {
                calls.ended(c.callId(), "channel gone after AMI re-synchronisation");
                ended++;
            }
        }
        log.info("AMI re-synchronised: {} channels live, {} stale calls ended", status.events().size(), ended);
    }

    /** Adds or updates waiting callers from {@code QueueEntry} events. */
    void resyncQueues(AmiResponse queues) {
        for (AmiMessage q : queues.events()) {
            if ("queueentry".equals(q.eventLower())) {
                join(q, q.intValue("Position", 0));
            }
        }
    }
}
