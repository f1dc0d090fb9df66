package com.callportrait.live.intent;

import com.callportrait.portrait.semantic.TopicClassifier;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live intent of one call, from its final utterances. Each utterance's keywords (the weights
 * of {@code topics.yaml}) are added to a running score per topic; the first utterance with any
 * keyword counts {@value #FIRST_UTTERANCE_WEIGHT} times, as the caller's first sentence does in the
 * portrait engine, because the reason for a call is said first (after "hello", which has none).
 *
 * <p>Stable by design, not word by word: only final utterances count (partials are rewritten as
 * the recogniser goes); a topic becomes the intent once it has at least {@value #MIN_SCORE} of
 * weight (one strong keyword, or a first-utterance "bill"); and an established intent gives way
 * only to a topic with at least {@value #SWITCH_RATIO} times its score. A <em>decisive</em> phrase,
 * one weighted at least {@value #DECISIVE_WEIGHT} in {@code topics.yaml} (the bundled taxonomy gives
 * that weight only to emergencies such as "gas smell"), sets its topic at once, whatever the call
 * was about before: safety does not wait for a majority.
 *
 * <p>Confidence is the leading topic's score over all keyword weight heard plus
 * {@value #PRIOR}: a single keyword never looks certain, and rival topics lower it.
 *
 * <p>Lifecycle: one per call. Not thread-safe: the live call state calls it under the call's lock.
 */
public final class IntentTracker {
    /** Weight of the caller's first final utterance with a keyword. */
    public static final double FIRST_UTTERANCE_WEIGHT = 2.0;
    /** Score a topic needs before it is the call's intent. */
    public static final double MIN_SCORE = 3.0;
    /** How many times the current intent's score a rival needs to take over. */
    public static final double SWITCH_RATIO = 1.5;
    /** Keyword weight assumed unheard, so thin evidence gives a modest confidence. */
    public static final double PRIOR = 2.0;
    /** A phrase weighted at least this sets its topic at once. */
    public static final double DECISIVE_WEIGHT = 8.0;

    private final TopicClassifier topics;
    private final Map<String, Double> scores = new HashMap<>();
    private final Map<String, Map<String, Double>> phrases = new HashMap<>();
    private double total;
    private CallIntent current;

    private IntentTracker(TopicClassifier topics) {
        this.topics = topics;
    }

    /** A tracker for a new call over the taxonomy of {@code topics}. */
    public static IntentTracker create(TopicClassifier topics) {
        return new IntentTracker(topics);
    }

    /** The intent so far, if there is one. */
    public Optional<CallIntent> current() {
        return Optional.ofNullable(current);
    }

    /**
     * Adds a final utterance (already redacted: the taxonomy's words survive redaction). Returns the
     * new intent when this utterance changed it (its topic, confidence or evidence), else empty.
     */
    public Optional<CallIntent> add(int utterance, String text) {
        List<TopicClassifier.Match> found = topics.matches(text);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        double factor = total == 0 ? FIRST_UTTERANCE_WEIGHT : 1.0;
        for (TopicClassifier.Match m : found) {
            double w = factor * m.weight();
            scores.merge(m.topic(), w, Double::sum);
            phrases.computeIfAbsent(m.topic(), t -> new LinkedHashMap<>()).merge(m.phrase(), w, Double::sum);
            total += w;
        }
        String leader = leader();
        String topic = current == null ? null : current.topic();
        String decisive = found.stream().filter(m -> m.weight() >= DECISIVE_WEIGHT)
                .max(Comparator.comparingDouble(TopicClassifier.Match::weight)).map(TopicClassifier.Match::topic)
                .orElse(null);
        if (decisive != null) {
            topic = decisive;
        } else if (topic == null) {
            if (scores.get(leader) >= MIN_SCORE) {
                topic = leader;
            }
        } else if (!leader.equals(topic) && scores.get(leader) >= SWITCH_RATIO * scores.get(topic)) {
            topic = leader;
        }
        if (topic == null) {
            return Optional.empty();
        }
        boolean newTopic = current == null || !current.topic().equals(topic);
        int since = newTopic ? utterance : current.since();
        current = new CallIntent(topic, confidence(topic), evidence(topic), since, Math.max(since, utterance));
        return Optional.of(current);
    }

    private String leader() {
        // Highest score; a tie goes to the topic listed first in the taxonomy.
        List<String> order = topics.topics();
        return scores.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue)
                        .thenComparing(e -> -order.indexOf(e.getKey())))
                .orElseThrow().getKey();
    }

    private double confidence(String topic) {
        return scores.getOrDefault(topic, 0.0) / (total + PRIOR);
    }

    private List<String> evidence(String topic) {
        return phrases.getOrDefault(topic, Map.of()).entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(CallIntent.MAX_EVIDENCE).map(Map.Entry::getKey).toList();
    }
}
