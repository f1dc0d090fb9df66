package com.callportrait.live.calls;

import com.callportrait.live.ami.AmiAction;
import com.callportrait.live.ami.AmiClient;
import com.callportrait.live.ami.AmiListener;
import com.callportrait.live.ami.AmiMessage;
import com.callportrait.live.ami.AmiResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds AMI events into the {@link CallRegistry}: queue joins and positions, agents called and
 * connected, hangups; and re-synchronises after every (re)connect with {@code Status} and
 * {@code QueueStatus}: calls whose channel is gone are ended, waiting callers not yet known are
 * added, and callers we still think are waiting but who left the queue while we were disconnected
 * (their channel is still up) are marked connected, with the agent whose channel shares the
 * caller's {@code BridgeID} in {@code Status} (the pop reaches that agent once). Only calls already known when the list was
 * asked for are judged by it: a call routed while the reply is on its way is not in the list yet.
 * {@link #synchronised()} is false from a disconnect until the re-synchronisation has finished;
 * live actions wait for it (a decision on stale state could redirect a caller who is already
 * talking to an agent).
 *
 * <p>Events run on the AMI dispatch thread, the re-synchronisation on the AMI I/O thread (a retry
 * is scheduled on the application's shared scheduler); thread-safe through the registry.
 */
public final class AmiCallTracker implements AmiListener {
    private static final Logger log = LoggerFactory.getLogger(AmiCallTracker.class);
    /** The events this tracker needs (the AMI client's filter). */
    public static final Set<String> EVENTS = Set.of("QueueCallerJoin", "QueueCallerLeave", "AgentCalled",
            "AgentRingNoAnswer", "AgentConnect", "AgentComplete", "BridgeEnter", "Hangup", "FullyBooted");

    private static final long RETRY_MS = 2_000;

    private final CallRegistry calls;
    private final AgentDirectory agents;
    private volatile boolean synchronised;
    /** Bumped on every (re)connect and disconnect: a late reply of an older resync is ignored. */
    private final java.util.concurrent.atomic.AtomicLong epoch = new java.util.concurrent.atomic.AtomicLong();

    private final Executor retryLater;

    private AmiCallTracker(CallRegistry calls, AgentDirectory agents, Executor retryLater) {
        this.calls = calls;
        this.agents = agents;
        this.retryLater = retryLater;
    }

    /** A tracker that retries a failed re-synchronisation after 2 s on the JDK's delayed executor (tests). */
    public static AmiCallTracker create(CallRegistry calls, AgentDirectory agents) {
        return new AmiCallTracker(calls, agents,
                CompletableFuture.delayedExecutor(RETRY_MS, TimeUnit.MILLISECONDS));
    }

    /** A tracker that retries a failed re-synchronisation after 2 s on {@code scheduler} (the application's shared one). */
    public static AmiCallTracker create(CallRegistry calls, AgentDirectory agents,
                                        ScheduledExecutorService scheduler) {
        return new AmiCallTracker(calls, agents,
                task -> scheduler.schedule(task, RETRY_MS, TimeUnit.MILLISECONDS));
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

    /** True once the state has been re-synchronised after the last (re)login, until the next disconnect. */
    public boolean synchronised() {
        return synchronised;
    }

    @Override
    public void onConnected(AmiClient client) {
        resync(client::send, client::connected);
    }

    @Override
    public void onDisconnected(String reason) {
        synchronised = false;
        epoch.incrementAndGet();
    }

    /**
     * Asks for {@code Status}, then {@code QueueStatus}, and applies both; on failure while still
     * connected, tries again in {@value #RETRY_MS} ms (actions stay deferred meanwhile).
     */
    void resync(Function<AmiAction, CompletionStage<AmiResponse>> send, BooleanSupplier connected) {
        resync(send, connected, epoch.incrementAndGet());
    }

    private void resync(Function<AmiAction, CompletionStage<AmiResponse>> send, BooleanSupplier connected,
                        long myEpoch) {
        synchronised = false;
        Set<String> knownBefore = new HashSet<>();
        calls.all().forEach(c -> knownBefore.add(c.callId()));
        Map<String, CallSnapshot> undecided = new HashMap<>();
        Map<String, String> peers = new java.util.concurrent.ConcurrentHashMap<>();
        send.apply(AmiAction.status()).thenAccept(r -> peers.putAll(resyncChannels(r, knownBefore)))
                .thenCompose(x -> {
                    // taken now, after Status was applied: the calls QueueStatus can speak for
                    for (CallSnapshot c : calls.all()) {
                        if (c.state() == CallState.WAITING || c.state() == CallState.RINGING
                                || c.state() == CallState.ROUTED
                                || (c.state() == CallState.CONNECTED && c.agent().isEmpty())) {
                            undecided.put(c.callId(), c);
                        }
                    }
                    return send.apply(AmiAction.queueStatus());
                })
                .thenAccept(r -> {
                    resyncQueues(r, undecided, peers);
                    if (epoch.get() == myEpoch) {
                        synchronised = true;
                    }
                })
                .exceptionally(t -> {
                    log.warn("AMI re-synchronisation failed: {}", t.toString());
                    if (connected.getAsBoolean() && epoch.get() == myEpoch) {
                        retryLater.execute(() -> {
                            if (connected.getAsBoolean() && epoch.get() == myEpoch) {
                                resync(send, connected, myEpoch);
                            }
                        });
                    }
                    return null;
                });
    }

    /**
     * Ends calls whose caller channel no longer exists (hung up while we were disconnected); only
     * calls in {@code knownBefore} (live when Status was asked for) can be judged by its list.
     * Returns the bridge peers of the listed channels ({@link ResyncPeers#bridgePeers}).
     */
    Map<String, String> resyncChannels(AmiResponse status, Set<String> knownBefore) {
        Set<String> live = new HashSet<>();
        for (AmiMessage s : status.events()) {
            live.add(s.value("Uniqueid"));
            live.add(s.value("Channel"));
        }
        int ended = 0;
        for (CallSnapshot c : calls.all()) {
            boolean known = !c.uniqueId().isEmpty() || !c.channel().isEmpty();
            if (known && knownBefore.contains(c.callId()) && !live.contains(c.uniqueId())
                    && !live.contains(c.channel())) {
                calls.ended(c.callId(), "channel gone after AMI re-synchronisation");
                ended++;
            }
        }
        log.info("AMI re-synchronised: {} channels live, {} stale calls ended", status.events().size(), ended);
        return ResyncPeers.bridgePeers(status.events());
    }

    /**
     * Adds or updates waiting callers from {@code QueueEntry} events. A call in {@code undecided}
     * (routed, waiting, ringing, or connected with no agent known, as snapshotted when QueueStatus
     * was asked for) that is in no queue any more and has had no event since has been answered
     * meanwhile: it is marked connected, with the agent whose channel shares its bridge
     * ({@code peers}, from Status) when that agent can be named. A routed call (routed and answered
     * during one outage: its QueueCallerJoin was lost too) or a connected one is changed only when
     * the agent is named. The one {@code CONNECTED} change pushes the screen pop;
     * a call whose agent was already known as connected is not in {@code undecided}, so no agent
     * gets a second pop.
     */
    void resyncQueues(AmiResponse queues, Map<String, CallSnapshot> undecided, Map<String, String> peers) {
        Set<String> queued = new HashSet<>();
        for (AmiMessage q : queues.events()) {
            if ("queueentry".equals(q.eventLower())) {
                join(q, q.intValue("Position", 0));
                existing(q).ifPresent(queued::add);
            }
        }
        Map<String, String> members = ResyncPeers.members(queues.events());
        int answered = 0;
        int named = 0;
        for (CallSnapshot c : undecided.values()) {
            if (queued.contains(c.callId())) {
                continue;
            }
            String agent = agentInBridge(c, peers, members);
            boolean wasConnected = c.state() == CallState.CONNECTED;
            // a routed caller in no queue may simply not have reached Queue() yet: only a bridge
            // with a named agent says it was queued and answered while we were away
            boolean onlyWithAgent = wasConnected || c.state() == CallState.ROUTED;
            if (onlyWithAgent && agent.isEmpty()) {
                continue;
            }
            if (calls.updateIfUnchanged(c.callId(), c.version(), CallChange.CONNECTED, v -> {
                v.connected(Instant.now(calls.clock()));
                if (!agent.isEmpty()) {
                    v.agent(agent);
                }
            })) {
                answered += wasConnected ? 0 : 1;
                named += agent.isEmpty() ? 0 : 1;
            }
        }
        if (answered > 0 || named > 0) {
            log.info("AMI re-synchronised: {} callers left the queue while disconnected, marked connected;"
                    + " {} agents found by the bridge they share", answered, named);
        }
    }

    /** The agent whose channel shares the caller's bridge, or {@code ""}. */
    private String agentInBridge(CallSnapshot c, Map<String, String> peers, Map<String, String> members) {
        String peer = c.uniqueId().isEmpty() ? "" : peers.getOrDefault(c.uniqueId(), "");
        if (peer.isEmpty() && !c.channel().isEmpty()) {
            peer = peers.getOrDefault(c.channel(), "");
        }
        if (peer.isEmpty()) {
            return "";
        }
        String iface = ResyncPeers.interfaceOf(peer);
        return agents.agentForInterface(iface, members.getOrDefault(iface, ""));
    }
}
