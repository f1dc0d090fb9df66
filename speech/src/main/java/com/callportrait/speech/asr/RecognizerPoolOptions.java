package com.callportrait.speech.asr;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link RecognizerPool} keeps recognisers warm, immutable and thread-safe, validated
 * when built: by {@link #from(Env)} at start-up, or by {@link #builder()}, whose defaults are the
 * {@code DEFAULT_*} constants.
 *
 * <p>A warm Vosk recogniser of the bundled model holds about 80-90 MB of composed decoding graph
 * (its cache, which is what makes it warm), so {@code max} is the memory bound as well:
 * {@code max} × ~90 MB at most.
 *
 * @param max     recognisers the pool keeps, leased and idle together ({@code CP_ASR_RECOGNIZERS},
 *                default 24); a lease beyond that gets a cold one that is freed after use; 0 turns
 *                pooling off (every lease a new recogniser)
 * @param warm    recognisers created and warmed on bundled audio at start-up, before the server
 *                reports ready ({@code CP_ASR_WARM_RECOGNIZERS}, default 4, at most {@code max}; each
 *                costs about 2 CPU-seconds of start-up)
 * @param maxUses leases after which a recogniser is retired and replaced
 *                ({@code CP_ASR_RECOGNIZER_MAX_USES}, default 2000)
 * @param maxAge  age after which a recogniser is retired when it is next returned
 *                ({@code CP_ASR_RECOGNIZER_MAX_AGE}, default 6h): its graph cache only grows
 * @param lease   how long a call holds a recogniser ({@code CP_ASR_RECOGNIZER_LEASE}: {@code call},
 *                the default, or {@code utterance})
 */
public record RecognizerPoolOptions(int max, int warm, int maxUses, Duration maxAge, Lease lease) {

    /** How long a call holds a recogniser. */
    public enum Lease {
        /**
         * From the start of each utterance the VAD detects to its final result: a silent caller
         * holds none, so the pool needs as many recognisers as callers speaking at once; each
         * utterance starts without the caller's earlier speaker adaptation.
         */
        UTTERANCE,
        /** From the call's first utterance to its hangup: keeps the speaker adaptation across utterances. */
        CALL
    }

    /** Recognisers kept: 24 × ~90 MB. */
    public static final int DEFAULT_MAX = 24;
    /** Recognisers warmed at start-up. */
    public static final int DEFAULT_WARM = 4;
    /** Leases before a recogniser is replaced. */
    public static final int DEFAULT_MAX_USES = 2000;
    /** Age before a recogniser is replaced. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(6);
    /** One recogniser per call: keeps the speaker adaptation, which is worth words (docs/asr.md). */
    public static final Lease DEFAULT_LEASE = Lease.CALL;

    public RecognizerPoolOptions {
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(lease, "lease");
        require(max >= 0 && max <= 1024, "CP_ASR_RECOGNIZERS must be in [0, 1024], was " + max);
        require(warm >= 0 && warm <= max, "CP_ASR_WARM_RECOGNIZERS must be in [0, CP_ASR_RECOGNIZERS=" + max
                + "], was " + warm);
        require(maxUses >= 1, "CP_ASR_RECOGNIZER_MAX_USES must be >= 1, was " + maxUses);
        require(maxAge.compareTo(Duration.ofMinutes(1)) >= 0, "CP_ASR_RECOGNIZER_MAX_AGE must be >= 1min, was "
                + maxAge);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new ConfigException(message);
        }
    }

    public static RecognizerPoolOptions defaults() {
        return builder().build();
    }

    /** No pooling: a new recogniser for every lease, freed after it (how recognition worked before pooling). */
    public static RecognizerPoolOptions unpooled() {
        return builder().max(0).warm(0).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads the {@code CP_ASR_*} variables named on the components; a bad value fails here, naming it. */
    public static RecognizerPoolOptions from(Env env) {
        int max = env.intIn("CP_ASR_RECOGNIZERS", DEFAULT_MAX, 0, 1024);
        return builder()
                .max(max)
                .warm(env.intIn("CP_ASR_WARM_RECOGNIZERS", Math.min(DEFAULT_WARM, max), 0, max))
                .maxUses(env.intIn("CP_ASR_RECOGNIZER_MAX_USES", DEFAULT_MAX_USES, 1, Integer.MAX_VALUE))
                .maxAge(env.duration("CP_ASR_RECOGNIZER_MAX_AGE", DEFAULT_MAX_AGE, Duration.ofMinutes(1)))
                .lease(env.oneOf("CP_ASR_RECOGNIZER_LEASE", DEFAULT_LEASE, Lease.class))
                .build();
    }

    /** Builds {@link RecognizerPoolOptions}; every setter's default is the matching {@code DEFAULT_*}. Not thread-safe. */
    public static final class Builder {
        private int max = DEFAULT_MAX;
        private int warm = DEFAULT_WARM;
        private int maxUses = DEFAULT_MAX_USES;
        private Duration maxAge = DEFAULT_MAX_AGE;
        private Lease lease = DEFAULT_LEASE;

        private Builder() {
        }

        public Builder max(int v) {
            max = v;
            return this;
        }

        public Builder warm(int v) {
            warm = v;
            return this;
        }

        public Builder maxUses(int v) {
            maxUses = v;
            return this;
        }

        public Builder maxAge(Duration v) {
            maxAge = v;
            return this;
        }

        public Builder lease(Lease v) {
            lease = v;
            return this;
        }

        public RecognizerPoolOptions build() {
            return new RecognizerPoolOptions(max, Math.min(warm, max), maxUses, maxAge, lease);
        }
    }
}
