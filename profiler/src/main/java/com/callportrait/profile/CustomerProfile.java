package com.callportrait.profile;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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
 * @param unavailable    the learned parts this portrait does not have yet, each with its reason
 *                       ({@link #SEGMENT}, {@link #COMPLAINT_RISK}, {@link #VALUE_SCORE} →
 *                       e.g. {@value #NO_MODEL_YET}); their fields then hold placeholders
 *                       ({@code unassigned}, 0) that readers must not take for a score: the JSON
 *                       form writes them as {@code null}, routing conditions on them do not match.
 *                       Empty when every part is there (older JSON without it reads as empty)
 * @param churnRisk      calibrated probability that the account is closed (or switched away) within
 *                       the churn horizon, in [0, 1]; its explanation is the {@code churn-risk-*} tag
 *                       (older JSON without it reads as 0)
 * @param nextContact    the next-contact prediction, {@link NextContact#NONE} when there is none
 *                       (older JSON without it reads as none)
 * @param models         the model versions the learned parts were computed with (registry model
 *                       name to version, e.g. {@code segment → 3}), so a portrait says which
 *                       retraining it reflects; empty without models (older JSON reads as empty)
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
        String nextBestAction,
        Map<String, String> unavailable,
        double churnRisk,
        NextContact nextContact,
        Map<String, Integer> models) {

    /** Segment name of a customer not yet clustered. */
    public static final String UNASSIGNED = "unassigned";
    /** The learned part {@link #segment()} (clustering). */
    public static final String SEGMENT = "segment";
    /** The learned part {@link #complaintRisk()} (a trained classifier). */
    public static final String COMPLAINT_RISK = "complaintRisk";
    /** The learned part {@link #valueScore()} (percentiles fitted on the customer base). */
    public static final String VALUE_SCORE = "valueScore";
    /** The learned part {@link #churnRisk()} (a trained classifier). */
    public static final String CHURN_RISK = "churnRisk";
    /** The learned part {@link #nextContact()} (trained classifiers). */
    public static final String NEXT_CONTACT = "nextContact";
    /** The reason a learned part is missing while no model has been trained on this centre's data. */
    public static final String NO_MODEL_YET = "no model yet";

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
        // sorted, so the stored JSON is the same for the same portrait
        unavailable = unavailable == null || unavailable.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(unavailable));
        requireUnit("churnRisk", churnRisk);
        nextContact = nextContact == null ? NextContact.NONE : nextContact;
        models = models == null || models.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(models));
    }

    /** As the canonical constructor without model versions. */
    public CustomerProfile(String customerId, String name, List<String> phones, Tier tier, String language,
                           String segment, double lifetimeValue, double valueScore, double loyaltyScore,
                           double complaintRisk, List<OpenIssue> openIssues, List<TopicOutcome> lastTopics,
                           List<Tag> tags, Instant updatedAt, String nextBestAction, Map<String, String> unavailable,
                           double churnRisk, NextContact nextContact) {
        this(customerId, name, phones, tier, language, segment, lifetimeValue, valueScore, loyaltyScore,
                complaintRisk, openIssues, lastTopics, tags, updatedAt, nextBestAction, unavailable, churnRisk,
                nextContact, Map.of());
    }

    /**
     * As the canonical constructor without churn risk, next contact and model versions (a portrait
     * from before they existed).
     */
    public CustomerProfile(String customerId, String name, List<String> phones, Tier tier, String language,
                           String segment, double lifetimeValue, double valueScore, double loyaltyScore,
                           double complaintRisk, List<OpenIssue> openIssues, List<TopicOutcome> lastTopics,
                           List<Tag> tags, Instant updatedAt, String nextBestAction, Map<String, String> unavailable) {
        this(customerId, name, phones, tier, language, segment, lifetimeValue, valueScore, loyaltyScore,
                complaintRisk, openIssues, lastTopics, tags, updatedAt, nextBestAction, unavailable, 0,
                NextContact.NONE, Map.of());
    }

    /** As the canonical constructor with every learned part available. */
    public CustomerProfile(String customerId, String name, List<String> phones, Tier tier, String language,
                           String segment, double lifetimeValue, double valueScore, double loyaltyScore,
                           double complaintRisk, List<OpenIssue> openIssues, List<TopicOutcome> lastTopics,
                           List<Tag> tags, Instant updatedAt, String nextBestAction) {
        this(customerId, name, phones, tier, language, segment, lifetimeValue, valueScore, loyaltyScore,
                complaintRisk, openIssues, lastTopics, tags, updatedAt, nextBestAction, Map.of());
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

    /** Whether the learned part {@code part} ({@link #SEGMENT}, ...) was computed for this portrait. */
    public boolean has(String part) {
        return !unavailable.containsKey(part);
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
