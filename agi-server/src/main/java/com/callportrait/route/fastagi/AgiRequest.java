package com.callportrait.route.fastagi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The environment block Asterisk sends first: {@code agi_*} variables in the order received.
 * Immutable and thread-safe.
 *
 * @param variables every {@code key: value} line, keys as sent ({@code agi_callerid}, ...)
 */
public record AgiRequest(Map<String, String> variables) implements AgiMessage {

    public AgiRequest {
        Objects.requireNonNull(variables, "variables");
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /** A variable, or empty when Asterisk did not send it. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(variables.get(key));
    }

    /**
     * The script name: {@code agi_network_script} up to any {@code ?}, without leading or trailing
     * slashes ({@code route} for {@code agi://host/route?x=1}); empty when none was given.
     */
    public String script() {
        String s = variables.getOrDefault("agi_network_script", "");
        int q = s.indexOf('?');
        if (q >= 0) {
            s = s.substring(0, q);
        }
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** Query parameters of {@code agi_network_script} ({@code route?lang=fr}), URL-decoded. */
    public Map<String, String> query() {
        String s = variables.getOrDefault("agi_network_script", "");
        int q = s.indexOf('?');
        Map<String, String> out = new LinkedHashMap<>();
        if (q < 0) {
            return out;
        }
        for (String pair : s.substring(q + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** {@code agi_arg_1..N} in order. */
    public List<String> args() {
        List<String> out = new ArrayList<>();
        for (int i = 1; variables.containsKey("agi_arg_" + i); i++) {
            out.add(variables.get("agi_arg_" + i));
        }
        return out;
    }

    /** {@code agi_uniqueid}, or empty string. */
    public String uniqueId() {
        return variables.getOrDefault("agi_uniqueid", "");
    }

    /** {@code agi_callerid} ({@code unknown} when the call has none). */
    public String callerId() {
        return variables.getOrDefault("agi_callerid", "unknown");
    }

    /** {@code agi_channel}, the channel name AMI actions need. */
    public String channel() {
        return variables.getOrDefault("agi_channel", "");
    }
}
