package com.callportrait.live.ami;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An action to send. The client adds the {@code ActionID}. Values must not contain CR or LF (a
 * newline would start a new header: header injection), checked here. Immutable.
 *
 * @param name   the action, e.g. {@code QueueChangePriorityCaller}
 * @param fields the headers after {@code Action:}, in order
 */
public record AmiAction(String name, List<Map.Entry<String, String>> fields) {

    public AmiAction {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("bad AMI action name: " + name);
        }
        List<Map.Entry<String, String>> copy = new ArrayList<>();
        for (Map.Entry<String, String> e : fields) {
            String k = Objects.requireNonNull(e.getKey(), "key");
            String v = Objects.requireNonNull(e.getValue(), k);
            if (!k.matches("[A-Za-z][A-Za-z0-9_()-]*") || v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("bad AMI header " + k + " (CR/LF or bad name)");
            }
            if (k.equalsIgnoreCase("ActionID") || k.equalsIgnoreCase("Action")) {
                throw new IllegalArgumentException("Action and ActionID are set by the client");
            }
            copy.add(Map.entry(k, v));
        }
        fields = Collections.unmodifiableList(copy);
    }

    /** An action from alternating header names and values. */
    public static AmiAction of(String name, String... kv) {
        if (kv.length % 2 != 0) {
            throw new IllegalArgumentException("need key/value pairs");
        }
        List<Map.Entry<String, String>> f = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            f.add(Map.entry(kv[i], kv[i + 1]));
        }
        return new AmiAction(name, f);
    }

    /** Moves a waiting caller; {@code channel} is the exact channel name (not the Uniqueid). */
    public static AmiAction queueChangePriorityCaller(String queue, String channel, int priority) {
        return of("QueueChangePriorityCaller", "Queue", queue, "Caller", channel,
                "Priority", Integer.toString(priority), "Immediate", "yes");
    }

    /** Sends {@code channel} to {@code context,exten,priority}. */
    public static AmiAction redirect(String channel, String context, String exten, int priority) {
        return of("Redirect", "Channel", channel, "Context", context, "Exten", exten,
                "Priority", Integer.toString(priority));
    }

    /** Lists every channel ({@code Status} events, then {@code StatusComplete}). */
    public static AmiAction status() {
        return of("Status");
    }

    /** Lists queue params, members and callers ({@code QueueEntry} events, then {@code QueueStatusComplete}). */
    public static AmiAction queueStatus() {
        return of("QueueStatus");
    }

    /** The value this action carries for {@code key}, or {@code ""}. */
    public String value(String key) {
        for (Map.Entry<String, String> e : fields) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return "";
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(name).append('{');
        for (Map.Entry<String, String> e : fields) {
            b.append(e.getKey()).append('=').append(e.getKey().equalsIgnoreCase("Secret") ? "***" : e.getValue())
                    .append(", ");
        }
        return b.append('}').toString();
    }
}
