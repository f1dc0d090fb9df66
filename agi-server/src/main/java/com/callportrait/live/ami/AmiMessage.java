package com.callportrait.live.ami;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One AMI message as read from the wire: the {@code Key: Value} lines in order. Keys are matched
 * case-insensitively (Asterisk is not consistent about case across versions); a repeated key
 * (e.g. {@code ChanVariable}) keeps every value, {@link #get} returns the first.
 * Immutable and thread-safe.
 *
 * @param fields the lines as {@code [key, value]} pairs, in wire order
 */
public record AmiMessage(List<Map.Entry<String, String>> fields) {

    public AmiMessage {
        fields = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(fields, "fields")));
    }

    /** A message from alternating keys and values, e.g. {@code of("Event", "Hangup", "Channel", "x")}. */
    public static AmiMessage of(String... kv) {
        if (kv.length % 2 != 0) {
            throw new IllegalArgumentException("need key/value pairs");
        }
        List<Map.Entry<String, String>> f = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            f.add(Map.entry(kv[i], kv[i + 1]));
        }
        return new AmiMessage(f);
    }

    /** The first value of {@code key}, matched ignoring case. */
    public Optional<String> get(String key) {
        for (Map.Entry<String, String> e : fields) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** The first value of {@code key}, or {@code ""}. */
    public String value(String key) {
        return get(key).orElse("");
    }

    /** The event name, when this is an event. */
    public Optional<String> event() {
        return get("Event");
    }

    /** True when this is a reply to an action ({@code Response: ...}). */
    public boolean isResponse() {
        return get("Response").isPresent();
    }

    /** The {@code ActionID}, or {@code ""}. */
    public String actionId() {
        return value("ActionID");
    }

    /** Integer value of {@code key}, or {@code dflt} when absent or not a number. */
    public int intValue(String key, int dflt) {
        try {
            return Integer.parseInt(value(key).trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /** Lower-case event name or {@code ""}; handy for switch statements. */
    public String eventLower() {
        return value("Event").toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("AmiMessage{");
        for (Map.Entry<String, String> e : fields) {
            String v = e.getKey().equalsIgnoreCase("Secret") ? "***" : e.getValue();
            b.append(e.getKey()).append('=').append(v).append(", ");
        }
        return b.append('}').toString();
    }
}
