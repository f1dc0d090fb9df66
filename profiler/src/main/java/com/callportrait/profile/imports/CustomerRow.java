package com.callportrait.profile.imports;

import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.OpenIssue;
import com.callportrait.profile.Tier;
import com.callportrait.profile.TopicOutcome;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One valid customer row of an import file. Optional columns that were absent or empty are null.
 * Immutable; thread-safe.
 *
 * @param line           physical line in the file
 * @param customerId     CRM id
 * @param name           display name (may be empty)
 * @param phones         canonical phones ({@link com.callportrait.profile.PhoneNumbers}), at least one
 * @param tier           tier
 * @param language       language tag
 * @param lifetimeValue  {@code >= 0}, or null
 * @param openComplaints {@code >= 0}, or null
 * @param lastTopic      lower-case topic, or null
 */
public record CustomerRow(long line, String customerId, String name, List<String> phones, Tier tier, String language,
                          Double lifetimeValue, Integer openComplaints, String lastTopic) {

    public CustomerRow {
        Objects.requireNonNull(customerId, "customerId");
        phones = List.copyOf(phones);
        if (phones.isEmpty()) {
            throw new IllegalArgumentException("a customer row needs at least one phone");
        }
        Objects.requireNonNull(tier, "tier");
    }

    /** Why an imported customer's learned parts are empty until the portrait engine has built them. */
    public static final String NOT_BUILT_YET = "portrait not built yet";
    private static final Map<String, String> NOT_BUILT = Map.of(CustomerProfile.SEGMENT, NOT_BUILT_YET,
            CustomerProfile.COMPLAINT_RISK, NOT_BUILT_YET, CustomerProfile.VALUE_SCORE, NOT_BUILT_YET,
            CustomerProfile.CHURN_RISK, NOT_BUILT_YET, CustomerProfile.NEXT_CONTACT, NOT_BUILT_YET);

    /**
     * The profile to store. Identity fields come from the row. What the portrait engine computes
     * (segment, scores, tags, contact history) is kept from {@code existing}, so re-importing the
     * CRM list never wipes a portrait (its learned parts, next-best action and model versions stay);
     * a new customer's learned parts are marked {@value #NOT_BUILT_YET} (not shown or matched as
     * scores) until the portrait engine builds them. Open complaints become that many open issues (topic
     * {@code last_topic}, or {@code complaint}); a {@code last_topic} becomes the newest contact.
     */
    public CustomerProfile toProfile(Optional<CustomerProfile> existing, Instant now) {
        CustomerProfile old = existing.orElse(null);
        double value = lifetimeValue != null ? lifetimeValue : old != null ? old.lifetimeValue() : 0.0;
        List<OpenIssue> issues = old != null ? old.openIssues() : List.of();
        if (openComplaints != null) {
            issues = new ArrayList<>();
            for (int i = 1; i <= openComplaints; i++) {
                issues.add(new OpenIssue(customerId + "-open-" + i, lastTopic != null ? lastTopic : "complaint",
                        "open complaint from CRM import", now));
            }
        }
        List<TopicOutcome> topics = old != null ? old.lastTopics() : List.of();
        if (lastTopic != null && (topics.isEmpty() || !topics.get(0).topic().equals(lastTopic))) {
            List<TopicOutcome> withNew = new ArrayList<>();
            withNew.add(new TopicOutcome(lastTopic, openComplaints != null && openComplaints > 0 ? "unresolved" : "", now));
            withNew.addAll(topics);
            topics = withNew;
        }
        if (old == null) {
            // nothing computed yet: the learned parts say so instead of showing placeholders as scores
            return new CustomerProfile(customerId, name, phones, tier, language, null, value, 0.0, 0.0, 0.0,
                    issues, topics, List.of(), now, "", NOT_BUILT, 0.0, null, Map.of());
        }
        return new CustomerProfile(customerId, name, phones, tier, language, old.segment(), value, old.valueScore(),
                old.loyaltyScore(), old.complaintRisk(), issues, topics, old.tags(), now, old.nextBestAction(),
                old.unavailable(), old.churnRisk(), old.nextContact(), old.models());
    }
}
