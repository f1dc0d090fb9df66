package com.callportrait.simulator.ami;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds queue events with the fields and order of the recorded Asterisk 22 stream (channel
 * block, then the Dest block for the agent leg, then the event's own fields). Stateless and
 * thread-safe.
 */
public final class AmiEvents {
    private AmiEvents() {
    }

    /** The caller's side of one simulated call. */
    public record Leg(String channel, String uniqueId, String linkedId, String phone, String name, String context,
               String exten) {
    }

    public static List<String> block(String prefix, Leg l, String state, String stateDesc, String priority) {
        return new ArrayList<>(List.of(prefix + "Channel", l.channel(), prefix + "ChannelState", state,
                prefix + "ChannelStateDesc", stateDesc, prefix + "CallerIDNum", orUnknown(l.phone()),
                prefix + "CallerIDName", orUnknown(l.name()), prefix + "ConnectedLineNum", orUnknown(l.phone()),
                prefix + "ConnectedLineName", orUnknown(l.name()), prefix + "Language", "en",
                prefix + "AccountCode", "", prefix + "Context", l.context(), prefix + "Exten", l.exten(),
                prefix + "Priority", priority, prefix + "Uniqueid", l.uniqueId(), prefix + "Linkedid", l.linkedId()));
    }

    private static String orUnknown(String s) {
        return s.isEmpty() ? "<unknown>" : s;
    }

    public static AmiFrame queueCallerJoin(Leg c, String queue, int position, int count) {
        List<String> f = head("QueueCallerJoin", "agent,all");
        f.addAll(block("", c, "6", "Up", "6"));
        f.addAll(List.of("Queue", queue, "Position", Integer.toString(position), "Count", Integer.toString(count)));
        return AmiFrame.of(f.toArray(String[]::new));
    }

    public static AmiFrame queueCallerLeave(Leg c, String queue, int count) {
        List<String> f = head("QueueCallerLeave", "agent,all");
        f.addAll(block("", c, "6", "Up", "6"));
        f.addAll(List.of("Queue", queue, "Position", "1", "Count", Integer.toString(count)));
        return AmiFrame.of(f.toArray(String[]::new));
    }

    public static AmiFrame agent(String event, Leg c, Leg agentLeg, String queue, String iface, String member,
                            String... tail) {
        List<String> f = head(event, "agent,all");
        f.addAll(block("", c, "6", "Up", "6"));
        boolean up = !event.equals("AgentCalled");
        f.addAll(block("Dest", agentLeg, up ? "6" : "0", up ? "Up" : "Down", "1"));
        f.addAll(List.of("Queue", queue, "Interface", iface, "MemberName", member));
        f.addAll(List.of(tail));
        return AmiFrame.of(f.toArray(String[]::new));
    }

    public static AmiFrame hangup(Leg c, String cause, String causeTxt) {
        List<String> f = head("Hangup", "call,all");
        f.addAll(block("", c, "6", "Up", "6"));
        f.addAll(List.of("Cause", cause, "Cause-txt", causeTxt));
        return AmiFrame.of(f.toArray(String[]::new));
    }

    private static List<String> head(String event, String privilege) {
        return new ArrayList<>(List.of("Event", event, "Privilege", privilege));
    }
}
