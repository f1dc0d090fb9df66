package com.callportrait.portrait.collect;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Time normalisation for imports: ISO-8601 instants ({@code 2026-10-01T10:00:00Z}), ISO local
 * date-times and Asterisk's {@code yyyy-MM-dd HH:mm:ss} (local time of the PBX), and epoch seconds,
 * all to UTC {@link Instant}s. Stateless and thread-safe.
 */
public final class Times {
    private static final DateTimeFormatter ASTERISK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Times() {
    }

    /** {@code null} for blank input; {@link IllegalArgumentException} for unreadable input. */
    public static Instant parse(String text, ZoneId localZone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            if (t.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochSecond(Long.parseLong(t));
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return java.time.OffsetDateTime.parse(t).toInstant();
            }
            if (t.indexOf('T') > 0) {
                return LocalDateTime.parse(t).atZone(localZone).toInstant();
            }
            if (t.length() == 10) {
                return java.time.LocalDate.parse(t).atStartOfDay(localZone).toInstant();
            }
            return LocalDateTime.parse(t, ASTERISK).atZone(localZone).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("unreadable time '" + t + "'");
        }
    }

    /** Asterisk's local form, for writing CDRs. */
    public static String asterisk(Instant t, ZoneId zone) {
        return ASTERISK.format(t.atZone(zone));
    }
}
