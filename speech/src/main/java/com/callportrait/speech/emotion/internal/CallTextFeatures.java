package com.callportrait.speech.emotion.internal;

import com.callportrait.speech.emotion.TextClass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The features of the call-centre models (caller mood and escalation) for one utterance:
 * <ul>
 *   <li>everything {@link TextFeatureExtractor} gives: word unigrams and bigrams, negation scope,
 *       VADER lexicon sums, style and length;</li>
 *   <li>{@code c:xyz} character 3- and 4-grams inside each word padded with {@code #}, so that a
 *       misrecognised word ("build" for "bill", "ridicule us") still shares most of its features
 *       with the word that was said;</li>
 *   <li>a word inside a negation scope counts only as {@code n:word}: its unigram and character
 *       n-grams are left out, so "i'm not angry" does not read as "angry";</li>
 *   <li>{@code gm:CLASS} the general sentiment model's calibrated class probabilities (stacking:
 *       what it learned from 43,000 GoEmotions comments), given by the caller;</li>
 *   <li>{@code esc*:} the escalation words found by {@link EscalationMatcher}.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class CallTextFeatures {

    private final TextFeatureExtractor words;

    public CallTextFeatures(TextFeatureExtractor words) {
        this.words = words;
    }

    /** The word-level features (also the general model's input). */
    public Map<String, Double> wordFeatures(String text) {
        return words.extract(text);
    }

    /**
     * All features of {@code text}.
     *
     * @param wordFeatures        {@link #wordFeatures(String)} of {@code text}
     * @param generalProbabilities the general model's class probabilities, by {@link TextClass#ordinal()}
     */
    public Map<String, Double> extract(String text, Map<String, Double> wordFeatures, double[] generalProbabilities) {
        Map<String, Double> f = new LinkedHashMap<>(wordFeatures.size() * 4);
        f.putAll(wordFeatures);
        List<String> tokens = new ArrayList<>();
        for (String t : Tokenizer.tokens(text)) {
            if (Tokenizer.isWord(t)) {
                tokens.add(t);
            }
        }
        for (String t : tokens) {
            if (wordFeatures.containsKey("n:" + t)) {
                // "i'm not angry": the negated word must not also count as the word itself.
                f.remove("u:" + t);
                continue;
            }
            String padded = "#" + t.replace("'", "") + "#";
            for (int n = 3; n <= 4; n++) {
                for (int i = 0; i + n <= padded.length(); i++) {
                    f.put("c:" + padded.substring(i, i + n), 1.0);
                }
            }
        }
        for (TextClass c : TextClass.values()) {
            f.put("gm:" + c.wireName(), generalProbabilities[c.ordinal()]);
        }
        EscalationMatcher.addFeatures(tokens, f);
        return f;
    }
}
