package com.callportrait.testkit;

import com.callportrait.simulator.agi.AgiCaller;
import com.callportrait.simulator.ami.AmiEndpoint;
import com.callportrait.simulator.ami.AmiEvents;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * Calls driven by hand through a simulated PBX, as Asterisk 22 reports them: routed over FastAGI,
 * then joining the queue, answered by an agent and hung up as AMI events on the simulated AMI
 * endpoint. For integration tests that stage what happens to each call, step by step. Not
 * thread-safe: one test thread drives it.
 */
public final class QueuedCalls {
    /** One call: the CP_UUID the server gave it, its channel and unique id, its AMI leg and queue. */
    public record Call(String id, String channel, String uid, AmiEvents.Leg leg, String queue) {
    }

    private final AmiEndpoint ami;
    private final String trunk;
    private final String uidPrefix;
    private long n;

    /**
     * @param trunk     channel name prefix, e.g. {@code PJSIP/trunk-drop-}
     * @param uidPrefix unique id prefix, e.g. {@code 1800000000.}
     * @param first     first sequence number (distinct per test, so ids never collide)
     */
    public QueuedCalls(AmiEndpoint ami, String trunk, String uidPrefix, long first) {
        this.ami = ami;
        this.trunk = trunk;
        this.uidPrefix = uidPrefix;
        this.n = first;
    }

    /** Routes a call from {@code phone} through the FastAGI server at {@code agi}, then queues it. */
    public Call arrive(InetSocketAddress agi, String phone) throws Exception {
        n++;
        String uid = uidPrefix + n;
        String channel = trunk + n;
        ami.channelUp(channel, uid, "");
        Map<String, String> vars = AgiCaller.run(agi, "route", channel, uid, phone, "", "", Map.of());
        String queue = vars.get("CP_QUEUE");
        ami.channelUp(channel, uid, queue);
        AmiEvents.Leg leg = new AmiEvents.Leg(channel, uid, uid, phone, "", "cp-inbound", phone);
        ami.broadcast(AmiEvents.queueCallerJoin(leg, queue, 1, 1));
        return new Call(vars.get("CP_UUID"), channel, uid, leg, queue);
    }

    /** The queue rings {@code agent} and the agent answers (AgentCalled, leave, bridge, AgentConnect). */
    public void answer(Call c, String agent) {
        String iface = "Local/" + agent + "@cp-agents";
        AmiEvents.Leg a = new AmiEvents.Leg(String.format("%s-%08x;1", iface, n++), c.uid() + "1", c.uid(), "", "",
                "cp-agents", "");
        ami.broadcast(AmiEvents.agent("AgentCalled", c.leg(), a, c.queue(), iface, agent));
        ami.channelLeftQueue(c.channel());
        ami.broadcast(AmiEvents.queueCallerLeave(c.leg(), c.queue(), 0));
        ami.channelBridged(c.channel(), a.channel(), a.uniqueId(), c.queue(), iface, agent);
        ami.broadcast(AmiEvents.agent("AgentConnect", c.leg(), a, c.queue(), iface, agent));
    }

    /** The caller hangs up. */
    public void hangUp(Call c) {
        ami.channelDown(c.channel());
        ami.broadcast(AmiEvents.hangup(c.leg(), "16", "Normal Clearing"));
    }
}
