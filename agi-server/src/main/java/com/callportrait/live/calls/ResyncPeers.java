package com.callportrait.live.calls;

import com.callportrait.live.ami.AmiMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who talks to whom, read from the lists of a re-synchronisation, for callers answered while AMI
 * was away (their {@code AgentCalled}/{@code AgentConnect} were lost). Asterisk 22's {@code Status}
 * event of every channel carries {@code BridgeID} (empty when the channel is in no bridge, as in
 * the recorded reply), so the caller's channel and the agent's channel share one; the agent's
 * channel name ({@code Local/agent1@cp-agents-0000000b;1}, {@code PJSIP/1001-00000002}) is the
 * queue member's {@code Interface} plus Asterisk's sequence suffix; {@code QueueStatus} names the
 * members ({@code QueueMember}: {@code Name}, {@code Location}, {@code StateInterface}; the
 * {@code MemberName}/{@code Interface} spelling of {@code QueueMemberStatus} is accepted too).
 * Stateless; thread-safe.
 */
final class ResyncPeers {
    /** Asterisk's channel suffix: {@code -} and the hex sequence number, then {@code ;1}/{@code ;2} for Local. */
    private static final Pattern CHANNEL_SUFFIX = Pattern.compile("-[0-9a-fA-F]+(;[0-9]+)?$");

    private ResyncPeers() {
    }

    /**
     * The other channel of every two-channel bridge in a {@code Status} list, keyed by channel name
     * and by Uniqueid of each side. Bridges of three or more channels (conferences, transfers in
     * progress) are left out: which one is the agent cannot be told.
     */
    static Map<String, String> bridgePeers(List<AmiMessage> status) {
        Map<String, List<AmiMessage>> byBridge = new LinkedHashMap<>();
        for (AmiMessage s : status) {
            String bridge = s.value("BridgeID");
            if ("status".equals(s.eventLower()) && !bridge.isEmpty()) {
                byBridge.computeIfAbsent(bridge, b -> new ArrayList<>()).add(s);
            }
        }
        Map<String, String> peers = new HashMap<>();
        for (List<AmiMessage> legs : byBridge.values()) {
            if (legs.size() == 2) {
                link(peers, legs.get(0), legs.get(1));
                link(peers, legs.get(1), legs.get(0));
            }
        }
        return peers;
    }

    private static void link(Map<String, String> peers, AmiMessage from, AmiMessage to) {
        peers.put(from.value("Channel"), to.value("Channel"));
        if (!from.value("Uniqueid").isEmpty()) {
            peers.put(from.value("Uniqueid"), to.value("Channel"));
        }
    }

    /** Member names by interface (and state interface) from the {@code QueueMember} events of {@code QueueStatus}. */
    static Map<String, String> members(List<AmiMessage> queueStatus) {
        Map<String, String> m = new HashMap<>();
        for (AmiMessage q : queueStatus) {
            if ("queuemember".equals(q.eventLower())) {
                String name = first(q, "Name", "MemberName");
                for (String iface : List.of(first(q, "Location", "Interface"), q.value("StateInterface"))) {
                    if (!iface.isEmpty() && !name.isEmpty()) {
                        m.putIfAbsent(iface, name);
                    }
                }
            }
        }
        return m;
    }

    private static String first(AmiMessage m, String a, String b) {
        String v = m.value(a);
        return v.isEmpty() ? m.value(b) : v;
    }

    /** The member interface a channel belongs to: its name without Asterisk's sequence suffix. */
    static String interfaceOf(String channel) {
        return CHANNEL_SUFFIX.matcher(channel).replaceFirst("");
    }
}
