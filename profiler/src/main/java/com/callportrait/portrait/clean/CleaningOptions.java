package com.callportrait.portrait.clean;

import com.callportrait.common.config.Env;
import com.callportrait.profile.PhoneNumbers;
import com.callportrait.profile.PhoneOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How to clean. Immutable and thread-safe (given a thread-safe phone rule). No variable of its own:
 * {@link #from(Env)} takes the phone rule from the {@code CP_PHONE_*} variables.
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
    /** Sources' clocks may run a day apart before a date counts as in the future. */
    public static final Duration DEFAULT_FUTURE_TOLERANCE = Duration.ofDays(1);
    /** No real call talks for six hours: a longer one is a channel that was never hung up. */
    public static final Duration DEFAULT_MAX_TALK = Duration.ofHours(6);

    public CleaningOptions {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(futureTolerance, "futureTolerance");
        Objects.requireNonNull(maxTalk, "maxTalk");
        Objects.requireNonNull(phoneNormaliser, "phoneNormaliser");
        if (futureTolerance.isNegative() || maxTalk.isNegative() || maxTalk.isZero()) {
            throw new IllegalArgumentException("futureTolerance must be >= 0 and maxTalk > 0");
        }
    }

    /** Defaults as of {@code asOf} with the given phone rule. */
    public static CleaningOptions of(Instant asOf, UnaryOperator<String> phoneNormaliser) {
        return builder(asOf).phoneNormaliser(phoneNormaliser).build();
    }

    /** A builder for a build as of {@code asOf}, with the default phone rule ({@link PhoneOptions#DEFAULT}). */
    public static Builder builder(Instant asOf) {
        return new Builder(asOf);
    }

    /**
     * Defaults as of {@code asOf} with the phone rule of {@link PhoneOptions#from(Env)}.
     *
     * @throws com.callportrait.common.config.ConfigException naming the variable when a value is invalid
     */
    public static CleaningOptions from(Env env, Instant asOf) {
        PhoneOptions phones = PhoneOptions.from(env);
        return builder(asOf).phoneNormaliser(raw -> PhoneNumbers.normalise(raw, phones).orElse(null)).build();
    }

    /** Builds {@link CleaningOptions}; every value not set keeps its default. Not thread-safe. */
    public static final class Builder {
        private final Instant asOf;
        private Duration futureTolerance = DEFAULT_FUTURE_TOLERANCE;
        private Duration maxTalk = DEFAULT_MAX_TALK;
        private UnaryOperator<String> phoneNormaliser = raw -> PhoneNumbers.normalise(raw).orElse(null);

        private Builder(Instant asOf) {
            this.asOf = Objects.requireNonNull(asOf, "asOf");
        }

        public Builder futureTolerance(Duration futureTolerance) {
            this.futureTolerance = futureTolerance;
            return this;
        }

        public Builder maxTalk(Duration maxTalk) {
            this.maxTalk = maxTalk;
            return this;
        }

        public Builder phoneNormaliser(UnaryOperator<String> phoneNormaliser) {
            this.phoneNormaliser = Objects.requireNonNull(phoneNormaliser, "phoneNormaliser");
            return this;
        }

        public CleaningOptions build() {
            return new CleaningOptions(asOf, futureTolerance, maxTalk, phoneNormaliser);
        }
    }
}
