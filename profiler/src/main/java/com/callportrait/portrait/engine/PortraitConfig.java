package com.callportrait.portrait.engine;

import com.callportrait.common.config.ConfigException;
import com.callportrait.common.config.Env;
import com.callportrait.portrait.features.FeatureExtractor;
import com.callportrait.portrait.features.FeatureRules;
import com.callportrait.portrait.features.HistoryBounds;
import com.callportrait.portrait.segment.SegmentNaming;
import com.callportrait.portrait.semantic.ConfigFiles;
import com.callportrait.portrait.semantic.EmotionLexicon;
import com.callportrait.portrait.semantic.Linker;
import com.callportrait.portrait.semantic.TopicClassifier;
import com.callportrait.profile.PhoneNumbers;
import com.callportrait.profile.PhoneOptions;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Everything the engine is configured with, loaded once at start-up (a broken file stops start-up).
 * Immutable and thread-safe. Built by {@link #from(Env)} (the files of {@link ConfigFiles#from},
 * {@code CP_PORTRAIT_ZONE}, the {@code CP_PHONE_*} variables) or {@link #builder()}.
 *
 * @param topics       topic rules ({@code topics.yaml})
 * @param emotions     fallback text emotion lexicon
 * @param rules        feature rules ({@code features.yaml})
 * @param naming       segment naming and k selection ({@code segments.yaml})
 * @param linker       contact linking (repeat window, trigger window)
 * @param zone         the call centre's time zone (hour-of-day features; {@code CP_PORTRAIT_ZONE})
 * @param phones       phone normalisation options
 * @param seed         seed of every model
 * @param horizonDays  complaint-risk horizon
 * @param history      how much each customer's history keeps ({@code CP_HISTORY_*}, {@link HistoryBounds})
 * @param churnDays    churn horizon N: the churn label is "account closed or switched away within N
 *                     days" ({@code CP_PORTRAIT_CHURN_DAYS})
 */
public record PortraitConfig(TopicClassifier topics, EmotionLexicon emotions, FeatureRules rules,
                             SegmentNaming naming, Linker linker, ZoneId zone, PhoneOptions phones, long seed,
                             int horizonDays, HistoryBounds history, int churnDays) {
    /** Hour-of-day features are read in UTC unless the call centre's zone is set. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");
    /** Every model's seed, fixed so that two builds from the same data give the same models. */
    public static final long DEFAULT_SEED = 42L;
    /** Complaint risk is the chance of a complaint within this many days. */
    public static final int DEFAULT_HORIZON_DAYS = 60;
    /** Churn risk is the chance the account closes within this many days. */
    public static final int DEFAULT_CHURN_DAYS = 90;
    /** The variable setting the churn horizon in days (7-365). */
    public static final String ENV_CHURN_DAYS = "CP_PORTRAIT_CHURN_DAYS";
    /** A contact on the same topic within this many days of the previous one is a repeat. */
    public static final int DEFAULT_REPEAT_DAYS = 7;
    /** A negative turn counts when it follows an event by at most this many days. */
    public static final int DEFAULT_TRIGGER_DAYS = 7;

    /** The variable naming the call centre's time zone (an IANA id such as {@code Europe/London}). */
    public static final String ENV_ZONE = "CP_PORTRAIT_ZONE";

    public PortraitConfig {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(emotions, "emotions");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(linker, "linker");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(phones, "phones");
        Objects.requireNonNull(history, "history");
        if (horizonDays < 7 || horizonDays > 365) {
            throw new IllegalArgumentException("complaint horizon must be 7-365 days, was " + horizonDays);
        }
        if (churnDays < 7 || churnDays > 365) {
            throw new IllegalArgumentException("churn horizon must be 7-365 days, was " + churnDays);
        }
    }

    /** A builder with every default: bundled files, 7-day windows, UTC, NANP phones, seed 42. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the configuration files ({@link ConfigFiles#from}), {@code CP_PORTRAIT_ZONE}, the history
     * bounds ({@code CP_HISTORY_*}) and the phone rule ({@link PhoneOptions#from}).
     *
     * @throws ConfigException naming the variable when a value is invalid
     */
    public static PortraitConfig from(Env env) {
        return from(env, PhoneOptions.from(env));
    }

    /**
     * As {@link #from(Env)} with the phone rule already read (an application that reads
     * {@code CP_PHONE_*} once, for routing and portraits alike).
     *
     * @throws ConfigException naming the variable when a value is invalid
     */
    public static PortraitConfig from(Env env, PhoneOptions phones) {
        int churn = env.string(ENV_CHURN_DAYS).map(v -> churnDays(v)).orElse(DEFAULT_CHURN_DAYS);
        return builder().files(ConfigFiles.from(env)).zone(zone(env)).phones(phones).history(HistoryBounds.from(env))
                .churnDays(churn).build();
    }

    private static int churnDays(String v) {
        try {
            int d = Integer.parseInt(v.trim());
            if (d >= 7 && d <= 365) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(ENV_CHURN_DAYS, "must be a whole number of days in [7, 365], got '" + v + "'");
    }

    /** {@link #from(Env)} over the process environment: for tools and tests that have no {@link Env} at hand. */
    public static PortraitConfig load() {
        return from(Env.system());
    }

    private static ZoneId zone(Env env) {
        String z = env.string(ENV_ZONE).orElse(null);
        if (z == null) {
            return DEFAULT_ZONE;
        }
        try {
            return ZoneId.of(z);
        } catch (DateTimeException e) {
            throw new ConfigException(ENV_ZONE, "must be a time zone such as UTC or Europe/London, got '" + z + "'");
        }
    }

    public FeatureExtractor extractor() {
        return new FeatureExtractor(rules, linker);
    }

    /** The product's one phone rule; {@code null} for an unusable number. */
    public String normalisePhone(String raw) {
        return PhoneNumbers.normalise(raw, phones).orElse(null);
    }

    /** Builds a {@link PortraitConfig}; the files are read when {@link #build()} runs. Not thread-safe. */
    public static final class Builder {
        private ConfigFiles files = ConfigFiles.DEFAULT;
        private Linker linker;
        private ZoneId zone = DEFAULT_ZONE;
        private PhoneOptions phones = PhoneOptions.DEFAULT;
        private long seed = DEFAULT_SEED;
        private int horizonDays = DEFAULT_HORIZON_DAYS;
        private HistoryBounds history = HistoryBounds.DEFAULT;
        private int churnDays = DEFAULT_CHURN_DAYS;

        private Builder() {
        }

        /** How much each customer's history keeps (default {@link HistoryBounds#DEFAULT}). */
        public Builder history(HistoryBounds history) {
            this.history = Objects.requireNonNull(history, "history");
            return this;
        }

        /** Which YAML files to read (default: every one bundled). */
        public Builder files(ConfigFiles files) {
            this.files = Objects.requireNonNull(files, "files");
            return this;
        }

        /** Contact linking (default: 7-day repeat and trigger windows). */
        public Builder linker(Linker linker) {
            this.linker = Objects.requireNonNull(linker, "linker");
            return this;
        }

        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        public Builder phones(PhoneOptions phones) {
            this.phones = Objects.requireNonNull(phones, "phones");
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder horizonDays(int horizonDays) {
            this.horizonDays = horizonDays;
            return this;
        }

        public Builder churnDays(int churnDays) {
            this.churnDays = churnDays;
            return this;
        }

        /** Reads the files and builds; a broken file throws a {@link com.callportrait.portrait.PortraitException}. */
        public PortraitConfig build() {
            return new PortraitConfig(TopicClassifier.load(files.topics()), EmotionLexicon.load(files.emotions()),
                    FeatureRules.load(files.features()), SegmentNaming.load(files.segments()),
                    linker != null ? linker : new Linker(DEFAULT_REPEAT_DAYS, DEFAULT_TRIGGER_DAYS),
                    zone, phones, seed, horizonDays, history, churnDays);
        }
    }
}
