package com.callportrait.events;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One entry of the {@code cp:events} stream. The common fields come first, in this order:
 * {@code type call uniqueid phone ts}, then the type's own fields in insertion order. Immutable and
 * thread-safe.
 *
 * @param type     route | transcript | emotion | action | screenpop | feedback
 * @param call     the call's CP_UUID
 * @param uniqueId Asterisk's Uniqueid ({@code ""} when unknown)
 * @param phone    normalised caller number ({@code ""} when unknown)
 * @param ts       when it happened
 * @param fields   type-specific fields; keys must not repeat the common ones
 */
public record CallEvent(String type, String call, String uniqueId, String phone, Instant ts, Map<String, String> fields) {
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    private static final Set<String> COMMON = Set.of("type", "call", "uniqueid", "phone", "ts");

    public CallEvent {
        Objects.requireNonNull(type, "type");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("bad event type: " + type);
        }
        Objects.requireNonNull(call, "call");
        uniqueId = uniqueId == null ? "" : uniqueId;
        phone = phone == null ? "" : phone;
        Objects.requireNonNull(ts, "ts");
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : Objects.requireNonNull(fields, "fields").entrySet()) {
            if (COMMON.contains(e.getKey())) {
                throw new IllegalArgumentException("event field repeats a common field: " + e.getKey());
            }
            copy.put(Objects.requireNonNull(e.getKey()), Objects.requireNonNull(e.getValue(), e.getKey()));
        }
        fields = Collections.unmodifiableMap(copy);
    }

    /** The stream entry body: common fields, then the type's fields. */
    public Map<String, String> body() {
        Map<String, String> b = new LinkedHashMap<>();
        b.put("type", type);
        b.put("call", call);
        b.put("uniqueid", uniqueId);
        b.put("phone", phone);
        b.put("ts", ts.toString());
        b.putAll(fields);
        return b;
    }
}
