package com.callportrait.profile;

import java.util.Locale;

/**
 * Commercial tier of a customer, lowest first. Parsing is case-insensitive and strict. Immutable
 * and thread-safe.
 */
public enum Tier {
    STANDARD,
    SILVER,
    GOLD,
    PLATINUM;

    /**
     * Parses a tier name as found in CRM exports ({@code gold}, {@code GOLD}, {@code Gold}).
     *
     * @throws IllegalArgumentException naming the accepted values when {@code text} is not a tier
     */
    public static Tier parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("tier is empty; expected one of standard, silver, gold, platinum");
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown tier '" + text.trim() + "'; expected one of standard, silver, gold, platinum", e);
        }
    }

    /** The lower-case name used on the wire (CSV, Redis, channel variables). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
