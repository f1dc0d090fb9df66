package com.callportrait.portrait.history;

/**
 * The history keys (documented in {@code redis-config/README.md} and {@code docs/portrait.md}).
 * Constants and pure functions only; thread-safe.
 *
 * <ul>
 *   <li>{@code cp:hist:{<customerId>}}: string, 8 bytes of write generation (big-endian) followed by
 *       the {@link com.callportrait.portrait.features.HistoryCodec} bytes of the customer's history.
 *       The hash tag is the customer id, so each customer's history is one slot of a cluster.</li>
 *   <li>{@code cp:hist:phone:{<e164>}}: string, the customer id a canonical number belongs to (the
 *       index that attributes a call carrying only the caller's number). Hash tag: the number.</li>
 * </ul>
 */
public final class HistoryKeys {
    public static final String HISTORY_PREFIX = "cp:hist:{";
    public static final String PHONE_PREFIX = "cp:hist:phone:{";

    private HistoryKeys() {
    }

    /** The key of a customer's history; ids with braces are refused (they would change the hash tag). */
    public static String history(String customerId) {
        return HISTORY_PREFIX + requireNoBraces(customerId, "customer id") + "}";
    }

    public static String phone(String canonicalPhone) {
        return PHONE_PREFIX + requireNoBraces(canonicalPhone, "phone") + "}";
    }

    private static String requireNoBraces(String s, String what) {
        if (s.isEmpty() || s.indexOf('{') >= 0 || s.indexOf('}') >= 0) {
            throw new IllegalArgumentException(what + " must be non-empty without '{' or '}': " + s);
        }
        return s;
    }
}
