package com.callportrait.simulator.ami;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One AMI message as it travels on the wire: {@code Key: Value} lines in order, ended by a blank
 * line. The simulator's own type (it shares no code with the application's AMI client, so a bug
 * in one cannot hide a bug in the other). Keys match case-insensitively, as Asterisk's do.
 * Immutable and thread-safe.
 *
 * @param fields the lines as key/value pairs, in wire order
 */
public record AmiFrame(List<Map.Entry<String, String>> fields) {
    public AmiFrame {
        fields = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(fields, "fields")));
    }

    /** A frame from alternating keys and values, e.g. {@code of("Event", "Hangup", "Channel", "x")}. */
    public static AmiFrame of(String... kv) {
        if (kv.length % 2 != 0) {
            throw new IllegalArgumentException("need key/value pairs");
        }
        List<Map.Entry<String, String>> f = new ArrayList<>(kv.length / 2);
        for (int i = 0; i < kv.length; i += 2) {
            f.add(Map.entry(kv[i], kv[i + 1]));
        }
        return new AmiFrame(f);
    }

    /** The first value of {@code key} (ignoring case), or {@code ""}. */
    public String value(String key) {
        for (Map.Entry<String, String> e : fields) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return "";
    }

    /** The {@code ActionID}, or {@code ""}. */
    public String actionId() {
        return value("ActionID");
    }

    /** The frame's wire bytes: {@code Key: Value\r\n} per field, then {@code \r\n}. */
    public byte[] bytes() {
        StringBuilder b = new StringBuilder(256);
        for (Map.Entry<String, String> e : fields) {
            b.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
        }
        return b.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
