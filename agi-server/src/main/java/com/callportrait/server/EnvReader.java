package com.callportrait.server;

import com.callportrait.common.config.ConfigException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Typed, validating reads of environment variables; every failure names the variable. */
final class EnvReader {
    private final Map<String, String> env;

    EnvReader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    Optional<String> optional(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    int port(String name, int def) {
        return (int) longIn(name, def, 0, 65_535);
    }

    long longIn(String name, long def, long min, long max) {
        Optional<String> v = optional(name);
        if (v.isEmpty()) {
            return def;
        }
        long n;
        try {
            n = Long.parseLong(v.get());
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number in [" + min + ", " + max + "], got '"
                    + v.get() + "'");
        }
        if (n < min || n > max) {
            throw new ConfigException(name + " must be in [" + min + ", " + max + "], got " + n);
        }
        return n;
    }

    <E extends Enum<E>> E oneOf(String name, E def, Class<E> type) {
        Optional<String> v = optional(name);
        if (v.isEmpty()) {
            return def;
        }
        try {
            return Enum.valueOf(type, v.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining("|"));
            throw new ConfigException(name + " must be one of " + allowed + ", got '" + v.get() + "'");
        }
    }

    String bindAddress(String name, String def) {
        String v = optional(name).orElse(def);
        if (!(v.equals("localhost") || io.netty.util.NetUtil.isValidIpV4Address(v)
                || io.netty.util.NetUtil.isValidIpV6Address(v))) {
            throw new ConfigException(name + " must be an IP address or localhost, got '" + v + "'");
        }
        return v;
    }
}
