package com.callportrait.speech;

import com.callportrait.common.config.ConfigException;
import java.util.Map;

/**
 * Reads numeric settings from the environment for the speech module's options: an unset or blank
 * variable gives the default, anything that does not parse stops start-up with a
 * {@link ConfigException} naming the variable. Stateless and thread-safe.
 */
public final class EnvValues {
    private EnvValues() {
    }

    /** The whole number in {@code env[name]}, or {@code fallback} when unset or blank. */
    public static int integer(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be an integer, was '" + v + "'");
        }
    }

    /** The number in {@code env[name]}, or {@code fallback} when unset or blank. */
    public static double decimal(Map<String, String> env, String name, double fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a number, was '" + v + "'");
        }
    }
}
