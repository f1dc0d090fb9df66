package com.callportrait.profile.redis;

/**
 * The profile store's key schema (documented in {@code redis-config/README.md}).
 *
 * <ul>
 *   <li>{@code cp:profile:{<customerId>}} — string, the profile JSON ({@link ProfileJson}).</li>
 *   <li>{@code cp:phones:{<customerId>}} — set, the canonical phones indexed for the customer. It
 *       shares the profile's hash tag, so both live in one cluster slot and a script may update
 *       them together.</li>
 *   <li>{@code cp:phone:<e164>} — string, the customer id owning the number. No hash tag: phone
 *       keys spread over the cluster; they never need to meet a profile key in one command.</li>
 * </ul>
 * Customer ids must not contain <code>{</code> or <code>}</code> (they would change the hash tag).
 */
public final class RedisKeys {

    /** Prefix every CallPortrait key starts with (the ACL key pattern is {@code ~cp:*}). */
    public static final String PREFIX = "cp:";
    public static final String PROFILE_PREFIX = "cp:profile:{";
    public static final String PHONES_PREFIX = "cp:phones:{";
    public static final String PHONE_PREFIX = "cp:phone:";
    /** The live event stream (written by the application, see redis-config/README.md). */
    public static final String EVENTS = "cp:events";

    private RedisKeys() {
    }

    public static String profile(String customerId) {
        return PROFILE_PREFIX + requireId(customerId) + "}";
    }

    public static String phones(String customerId) {
        return PHONES_PREFIX + requireId(customerId) + "}";
    }

    public static String phone(String canonicalPhone) {
        return PHONE_PREFIX + canonicalPhone;
    }

    static String requireId(String customerId) {
        if (customerId.indexOf('{') >= 0 || customerId.indexOf('}') >= 0) {
            throw new IllegalArgumentException("customer id must not contain '{' or '}': " + customerId);
        }
        return customerId;
    }
}
