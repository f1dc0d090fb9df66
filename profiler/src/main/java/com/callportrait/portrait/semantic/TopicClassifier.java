package com.callportrait.portrait.semantic;

import com.callportrait.portrait.PortraitException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Classifies interaction text into the configurable topic taxonomy with weighted keyword rules
 * ({@code topics.yaml}). Rules were chosen over a trained model because the taxonomy must be
 * editable by an analyst without a labelled corpus, and every decision is explainable by the words
 * that matched. Immutable and thread-safe.
 */
public final class TopicClassifier {
    private final PhraseScorer scorer;
    private final String fallback;

    private TopicClassifier(PhraseScorer scorer, String fallback) {
        this.scorer = scorer;
        this.fallback = fallback;
    }

    /** The bundled taxonomy ({@link ConfigFiles#from} names the file that overrides it: {@code CP_PORTRAIT_TOPICS}). */
    public static TopicClassifier load() {
        return load(null);
    }

    /** The file {@code override}, or the bundled taxonomy when it is {@code null}. */
    public static TopicClassifier load(Path override) {
        JsonNode root = ConfigFiles.load("topics.yaml", override);
        JsonNode topics = root.path("topics");
        if (!topics.isObject() || topics.isEmpty()) {
            throw new PortraitException("topics.yaml: 'topics' must map topic names to keyword weights");
        }
        List<String> names = new ArrayList<>();
        topics.fieldNames().forEachRemaining(names::add);
        String fallback = root.path("default").asText("other");
        if (!names.contains(fallback)) {
            names.add(fallback);
        }
        PhraseScorer scorer = new PhraseScorer(names);
        for (Iterator<Map.Entry<String, JsonNode>> it = topics.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> topic = it.next();
            topic.getValue().fields().forEachRemaining(kw -> {
                if (!kw.getValue().isNumber() || kw.getValue().asDouble() <= 0) {
                    throw new PortraitException("topics.yaml: weight of '" + kw.getKey() + "' in " + topic.getKey()
                            + " must be a positive number");
                }
                scorer.add(topic.getKey(), kw.getKey(), kw.getValue().asDouble());
            });
        }
        return new TopicClassifier(scorer, fallback);
    }

    /** Every topic name, in priority order, the default last. */
    public List<String> topics() {
        return scorer.labels();
    }

    /**
     * One keyword or phrase of the taxonomy found in a text.
     *
     * @param topic  the topic it counts for
     * @param phrase the words that matched, lower case, joined by single spaces
     * @param weight its weight in {@code topics.yaml}
     */
    public record Match(String topic, String phrase, double weight) {
    }

    /**
     * Every keyword and phrase of the taxonomy found in {@code text}, in text order (a phrase found
     * twice is listed twice). This is what {@link #classify} adds up, without the first-sentence
     * weighting, for callers that accumulate evidence themselves (the live intent of a call,
     * utterance by utterance). Empty for null or empty text.
     */
    public List<Match> matches(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Match> out = new ArrayList<>();
        scorer.forEachMatch(PhraseScorer.tokens(text), (topic, phrase, weight) -> out.add(new Match(topic, phrase, weight)));
        return out;
    }

    /** The topic of a text; the default topic for null, empty or unmatched text. */
    public String classify(String text) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        double[] scores = new double[scorer.labels().size()];
        // The reason for a call is said first: the caller's first sentence weighs double.
        int second = text.indexOf("caller:", Math.max(0, text.indexOf("caller:") + 7));
        int agent = text.indexOf("agent:");
        int cut = minPositive(second, agent);
        if (cut > 0) {
            scorer.score(PhraseScorer.tokens(text.substring(0, cut)), 2.0, scores);
            scorer.score(PhraseScorer.tokens(text.substring(cut)), 1.0, scores);
        } else {
            scorer.score(PhraseScorer.tokens(text), 1.0, scores);
        }
        int best = -1;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > 0 && (best < 0 || scores[i] > scores[best])) {
                best = i;
            }
        }
        return best < 0 ? fallback : scorer.labels().get(best);
    }

    private static int minPositive(int a, int b) {
        if (a <= 0) {
            return b;
        }
        return b <= 0 ? a : Math.min(a, b);
    }
}
