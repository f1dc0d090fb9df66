package com.callportrait.portrait.clean;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How to clean. Immutable.
 *
 * @param asOf            "now" of the build; anything later than {@code asOf + futureTolerance} is
 *                        an impossible future date
 * @param futureTolerance clock skew accepted between sources
 * @param maxTalk         longer talk times are impossible (a stuck channel), dropped to missing
 * @param phoneNormaliser the one phone rule of the product; returns {@code null} for an unusable
 *                        number
 */
public record CleaningOptions(Instant asOf, Duration futureTolerance, Duration maxTalk,
                              UnaryOperator<String> phoneNormaliser) {
    public CleaningOptions {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(futureTolerance, "futureTolerance");
        Objects.requireNonNull(maxTalk, "maxTalk");
        Objects.requireNonNull(phoneNormaliser, "phoneNormaliser");
        if (futureTolerance.isNegative() || maxTalk.isNegative() || maxTalk.isZero()) {
            throw new IllegalArgumentException("futureTolerance must be >= 0 and maxTalk > 0");
        }
    }

    public static CleaningOptions of(Instant asOf, UnaryOperator<String> phoneNormaliser) {
        return new CleaningOptions(asOf, Duration.ofDays(1), Duration.ofHours(6), phoneNormaliser);
    }
}
