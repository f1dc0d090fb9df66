package com.callportrait.live.calls;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps a queue member, as AMI names it ({@code Interface} such as {@code PJSIP/1001} or
 * {@code Local/agent1@cp-agents}, or {@code MemberName}), to the agent id used in URLs and
 * tokens. Configured with {@code CP_AGENT_MAP=Interface-or-MemberName=agent,...}; a member not
 * in the map is known by its MemberName. Immutable and thread-safe.
 */
public final class AgentDirectory {
    /** Agent ids: safe in a URL path and a token. */
    public static final Pattern AGENT_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final Map<String, String> map;

    private AgentDirectory(Map<String, String> map) {
        this.map = Map.copyOf(map);
    }

    /** Every member known by its MemberName. */
    public static AgentDirectory identity() {
        return new AgentDirectory(Map.of());
    }

    /** The map in {@code CP_AGENT_MAP}; unset = {@link #identity()}. A bad entry names the variable. */
    public static AgentDirectory from(Env env) {
        return parse(env.string("CP_AGENT_MAP").orElse(null));
    }

    /** Parses {@code CP_AGENT_MAP}; blank = identity. */
    public static AgentDirectory parse(String spec) {
        Map<String, String> m = new LinkedHashMap<>();
        if (spec != null && !spec.isBlank()) {
            for (String part : spec.split(",")) {
                int eq = part.lastIndexOf('=');
                if (eq <= 0 || !AGENT_ID.matcher(part.substring(eq + 1).trim()).matches()) {
                    throw new ConfigException("CP_AGENT_MAP entries must be Interface=agent or MemberName=agent"
                            + " (agent: letters, digits, _ . -), got '" + part.trim() + "'");
                }
                m.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        return new AgentDirectory(m);
    }

    /**
     * The agent id of the member behind {@code iface} when it can be known without an
     * {@code AgentConnect}: mapped by {@code CP_AGENT_MAP}, else by the member name the queue
     * lists for that interface ({@code memberName}, may be empty); {@code ""} when neither names it
     * (the sanitised interface would name an agent nobody signs in as).
     */
    public String agentForInterface(String iface, String memberName) {
        String a = map.get(iface);
        if (a != null) {
            return a;
        }
        return memberName.isEmpty() ? "" : agentFor(memberName, iface);
    }

    /** The agent id for a member; {@code ""} when neither name gives one. */
    public String agentFor(String memberName, String iface) {
        String a = map.get(iface);
        if (a == null) {
            a = map.get(memberName);
        }
        if (a == null) {
            String n = memberName.isEmpty() ? iface : memberName;
            a = n.replaceAll("[^A-Za-z0-9_.-]", "_");
            if (a.length() > 64) {
                a = a.substring(0, 64);
            }
        }
        return a;
    }
}
