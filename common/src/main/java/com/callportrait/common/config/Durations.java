package com.callportrait.common.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Durations as operators write them, in settings and on command lines: a whole number with its unit
 * ({@code 500ms}, {@code 45s}, {@code 10m} or {@code 10min}, {@code 2h}, {@code 7d}), a bare {@code 0},
 * or ISO-8601 ({@code PT10M}). Stateless and thread-safe.
 */
public final class Durations {
    private Durations() {
    }

    /** The duration {@code text} names, or empty when it names none. */
    public static Optional<Duration> parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        if (s.startsWith("p")) {
            try {
                return Optional.of(Duration.parse(s.toUpperCase(Locale.ROOT)));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0 || i > 12) {
            return Optional.empty();
        }
        long n = Long.parseLong(s.substring(0, i));
        return switch (s.substring(i).trim()) {
            case "ms" -> Optional.of(Duration.ofMillis(n));
            case "s" -> Optional.of(Duration.ofSeconds(n));
            case "m", "min" -> Optional.of(Duration.ofMinutes(n));
            case "h" -> Optional.of(Duration.ofHours(n));
            case "d" -> Optional.of(Duration.ofDays(n));
            default -> Optional.empty();
        };
    }
}
