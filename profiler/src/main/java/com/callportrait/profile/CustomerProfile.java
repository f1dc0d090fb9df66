package com.callportrait.profile;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything routing and the agent desktop know about one customer. Immutable; a new portrait
 * replaces the old one as a whole.
 *
 * @param customerId     stable CRM id
 * @param name           display name
 * @param phones         contact numbers, each already normalised by {@link PhoneNumbers#normalise}
 * @param tier           commercial tier
 * @param language       preferred language, an IETF tag such as {@code en} or {@code zh}
 * @param segment        segment name from clustering, or {@code unassigned}
 * @param lifetimeValue  money spent over the relationship, in the account currency, {@code >= 0}
 * @param valueScore     value score in [0, 1]
 * @param loyaltyScore   loyalty score in [0, 1]
 * @param complaintRisk  probability of a complaint, in [0, 1]
 * @param openIssues     unresolved complaints and tickets, newest first
 * @param lastTopics     recent contacts with their outcome, newest first
 * @param tags           portrait tags with their explanations
 * @param updatedAt      when this portrait was computed
 * @param nextBestAction what the agent should do first on the next contact, one line with its
 *                       reason, or empty (added by the portrait engine; older JSON without it reads
 *                       as empty)
 */
public record CustomerProfile(
        String customerId,
        String name,
        List<String> phones,
        Tier tier,
        String language,
        String segment,
        double lifetimeValue,
        double valueScore,
        double loyaltyScore,
        double complaintRisk,
        List<OpenIssue> openIssues,
        List<TopicOutcome> lastTopics,
        List<Tag> tags,
        Instant updatedAt,
        String nextBestAction) {

    /** Segment name of a customer not yet clustered. */
    public static final String UNASSIGNED = "unassigned";

    public CustomerProfile {
        Objects.requireNonNull(customerId, "customerId");
        if (customerId.isBlank()) {
            throw new IllegalArgumentException("customerId must not be blank");
        }
        name = name == null ? "" : name;
        phones = List.copyOf(Objects.requireNonNull(phones, "phones"));
        Objects.requireNonNull(tier, "tier");
        language = language == null || language.isBlank() ? "en" : language;
        segment = segment == null || segment.isBlank() ? UNASSIGNED : segment;
        if (!(lifetimeValue >= 0) || Double.isInfinite(lifetimeValue)) {
            throw new IllegalArgumentException("lifetimeValue must be a finite number >= 0, was " + lifetimeValue);
        }
        requireUnit("valueScore", valueScore);
        requireUnit("loyaltyScore", loyaltyScore);
        requireUnit("complaintRisk", complaintRisk);
        openIssues = List.copyOf(Objects.requireNonNull(openIssues, "openIssues"));
        lastTopics = List.copyOf(Objects.requireNonNull(lastTopics, "lastTopics"));
        tags = List.copyOf(Objects.requireNonNull(tags, "tags"));
        Objects.requireNonNull(updatedAt, "updatedAt");
        nextBestAction = nextBestAction == null ? "" : nextBestAction;
    }

    /** The original constructor, without a next-best action; kept so existing callers compile. */
    public CustomerProfile(String customerId, String name, List<String> phones, Tier tier, String language,
                           String segment, double lifetimeValue, double valueScore, double loyaltyScore,
                           double complaintRisk, List<OpenIssue> openIssues, List<TopicOutcome> lastTopics,
                           List<Tag> tags, Instant updatedAt) {
        this(customerId, name, phones, tier, language, segment, lifetimeValue, valueScore, loyaltyScore,
                complaintRisk, openIssues, lastTopics, tags, updatedAt, "");
    }

    private static void requireUnit(String field, double v) {
        if (!(v >= 0.0 && v <= 1.0)) {
            throw new IllegalArgumentException(field + " must be in [0, 1], was " + v);
        }
    }

    /** Number of unresolved complaints and tickets. */
    public int openComplaints() {
        return openIssues.size();
    }

    /** The newest contact's topic, or empty when the customer never called. */
    public java.util.Optional<String> lastTopic() {
        return lastTopics.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(lastTopics.get(0).topic());
    }
}
