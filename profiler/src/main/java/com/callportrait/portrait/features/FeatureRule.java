package com.callportrait.portrait.features;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One extraction rule from {@code features.yaml}. Immutable; validated on construction so a typo in
 * the file stops start-up with the feature's name in the message.
 */
public record FeatureRule(String name, String source, String agg, String field, Map<String, List<String>> where,
                          int windowDays, int offsetDays, String numerator, String denominator,
                          double denominatorScale, double smoothing) {
    static final Set<String> SOURCES = Set.of("contacts", "bills", "complaints", "tickets", "customer", "links",
            "attribute", "ratio");
    static final Set<String> AGGS = Set.of("count", "share", "mean", "sum", "last", "days_since_last", "trend",
            "value", "ratio");
    static final Set<String> CONTACT_FIELDS = Set.of("talk_sec", "wait_sec", "survey", "emotion_score", "hour");

    public FeatureRule {
        Objects.requireNonNull(name, "name");
        if (!SOURCES.contains(source)) {
            throw new IllegalArgumentException("feature " + name + ": unknown source '" + source + "', expected " + SOURCES);
        }
        if (!AGGS.contains(agg)) {
            throw new IllegalArgumentException("feature " + name + ": unknown agg '" + agg + "', expected " + AGGS);
        }
        where = where == null ? Map.of() : Map.copyOf(where);
        if (windowDays < 0 || offsetDays < 0) {
            throw new IllegalArgumentException("feature " + name + ": window_days and offset_days must be >= 0");
        }
        boolean needsField = agg.equals("mean") || agg.equals("sum") || agg.equals("last") || agg.equals("trend")
                || agg.equals("value");
        if (needsField && (field == null || field.isBlank())) {
            throw new IllegalArgumentException("feature " + name + ": agg '" + agg + "' needs a field");
        }
        if (source.equals("contacts") && needsField && !CONTACT_FIELDS.contains(field)) {
            throw new IllegalArgumentException("feature " + name + ": unknown contact field '" + field + "', expected "
                    + CONTACT_FIELDS);
        }
        if (source.equals("ratio") && (numerator == null || denominator == null)) {
            throw new IllegalArgumentException("feature " + name + ": a ratio needs numerator and denominator");
        }
    }

    /** Whether a time lies in this rule's window as of {@code asOf} (epoch seconds). */
    boolean inWindow(long at, long asOf) {
        long end = asOf - offsetDays * 86_400L;
        if (at > end) {
            return false;
        }
        return windowDays == 0 || at > end - windowDays * 86_400L;
    }
}
