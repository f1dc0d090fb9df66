package com.callportrait.route.fastagi;

import java.util.Map;

/**
 * Builds FastAGI command lines with Asterisk's argument quoting ({@code "..."} groups, {@code \}
 * escapes {@code "} and {@code \}). Stateless.
 */
public final class AgiCommands {
    /**
     * MSet strips quotes and splits on commas and the AGI parser eats backslashes, so values are
     * kept to a character set that means the same at both levels ({@link #safeValue(String)}).
     */

    private AgiCommands() {
    }

    /** {@code SET VARIABLE name "value"}. */
    public static String setVariable(String name, String value) {
        return "SET VARIABLE " + varName(name) + " " + quote(value);
    }

    /** {@code GET VARIABLE name}. */
    public static String getVariable(String name) {
        return "GET VARIABLE " + varName(name);
    }

    /**
     * {@code EXEC MSet A=x,B=y,...}: sets all variables in one round trip. Values must match the
     * safe character set; use {@link #safeValue(String)} first.
     */
    public static String mset(Map<String, String> variables) {
        if (variables.isEmpty()) {
            throw new IllegalArgumentException("MSet needs at least one variable");
        }
        StringBuilder b = new StringBuilder("EXEC MSet ");
        boolean first = true;
        for (Map.Entry<String, String> e : variables.entrySet()) {
            if (!safeValue(e.getValue()).equals(e.getValue())) {
                throw new IllegalArgumentException("value of " + e.getKey() + " is not MSet-safe: " + e.getValue());
            }
            b.append(first ? "" : ",").append(varName(e.getKey())).append('=').append(e.getValue());
            first = false;
        }
        return b.toString();
    }

    /** Replaces every character outside the MSet-safe set by {@code _} (e.g. spaces in segment names). */
    public static String safeValue(String value) {
        StringBuilder b = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!safe(c)) {
                if (b == null) {
                    b = new StringBuilder(value);
                }
                b.setCharAt(i, '_');
            }
        }
        return b == null ? value : b.toString();
    }

    /** The MSet-safe set ({@code A-Z a-z 0-9 _ . : @ / + # * -}) without a regex: this runs per call. */
    private static boolean safe(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "_.:@/+#*-".indexOf(c) >= 0;
    }

    /** {@code "text"} with {@code "} and {@code \} escaped, as Asterisk's argument parser reads it. */
    public static String quote(String text) {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("AGI arguments cannot contain line breaks");
        }
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** {@code [A-Za-z_][A-Za-z0-9_]{0,79}}, checked without a regex: nine names per call. */
    private static String varName(String name) {
        boolean ok = !name.isEmpty() && name.length() <= 80;
        for (int i = 0; ok && i < name.length(); i++) {
            char c = name.charAt(i);
            ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || i > 0 && c >= '0' && c <= '9';
        }
        if (!ok) {
            throw new IllegalArgumentException("bad channel variable name: " + name);
        }
        return name;
    }
}
