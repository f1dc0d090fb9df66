package com.callportrait.portrait.engine;

import com.callportrait.portrait.PortraitException;

import com.callportrait.profile.PhoneNumbers;
import com.callportrait.profile.PhoneOptions;
import com.callportrait.portrait.features.FeatureExtractor;
import com.callportrait.portrait.features.FeatureRules;
import com.callportrait.portrait.segment.SegmentNaming;
import com.callportrait.portrait.semantic.EmotionLexicon;
import com.callportrait.portrait.semantic.Linker;
import com.callportrait.portrait.semantic.TopicClassifier;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Everything the engine is configured with, loaded once at start-up (a broken file stops start-up).
 * Immutable and thread-safe.
 *
 * @param topics       topic rules ({@code topics.yaml})
 * @param emotions     fallback text emotion lexicon
 * @param rules        feature rules ({@code features.yaml})
 * @param naming       segment naming and k selection ({@code segments.yaml})
 * @param linker       contact linking (repeat window, trigger window)
 * @param zone         the call centre's time zone (hour-of-day features)
 * @param phones       phone normalisation options
 * @param seed         seed of every model
 * @param horizonDays  complaint-risk horizon
 */
public record PortraitConfig(TopicClassifier topics, EmotionLexicon emotions, FeatureRules rules,
                             SegmentNaming naming, Linker linker, ZoneId zone, PhoneOptions phones, long seed,
                             int horizonDays) {
    public PortraitConfig {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(emotions, "emotions");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(linker, "linker");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(phones, "phones");
        if (horizonDays < 7 || horizonDays > 365) {
            throw new PortraitException("complaint horizon must be 7-365 days, was " + horizonDays);
        }
    }

    /** Bundled (or env-overridden) files, 7-day repeat window, 7-day trigger window, UTC, seed 42. */
    public static PortraitConfig load() {
        return new PortraitConfig(TopicClassifier.load(), EmotionLexicon.load(), FeatureRules.load(),
                SegmentNaming.load(), new Linker(7, 7), zoneFromEnv(), PhoneOptions.fromEnv(System.getenv()), 42L, 60);
    }

    private static ZoneId zoneFromEnv() {
        String z = System.getenv("CP_PORTRAIT_ZONE");
        try {
            return z == null || z.isBlank() ? ZoneId.of("UTC") : ZoneId.of(z);
        } catch (RuntimeException e) {
            throw new PortraitException("CP_PORTRAIT_ZONE: not a time zone: " + z, e);
        }
    }

    public FeatureExtractor extractor() {
        return new FeatureExtractor(rules, linker);
    }

    /** The product's one phone rule; {@code null} for an unusable number. */
    public String normalisePhone(String raw) {
        return PhoneNumbers.normalise(raw, phones).orElse(null);
    }
}
