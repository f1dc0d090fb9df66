package com.callportrait.speech.emotion.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an utterance into sparse named features for the text emotion model:
 * <ul>
 *   <li>{@code u:w} word unigrams and {@code b:w1_w2} bigrams (with a start marker), binary;</li>
 *   <li>{@code n:w} for a word inside a negation scope (up to {@value #NEGATION_SCOPE} words after
 *       "not"/"never"/"don't"..., ended by a clause break or "but");</li>
 *   <li>{@code lex:*} sums of VADER valences with negation flipping, intensifiers and the "but"
 *       contrast rule (what follows "but" counts more);</li>
 *   <li>{@code sty:*} exclamation and question marks, shouted capitals, question openers, length.
 *       Recogniser output has no punctuation or capitals: the question-opener and lexicon features
 *       are the ones that carry over to the live path.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class TextFeatureExtractor {

    static final int NEGATION_SCOPE = 3;

    private static final Set<String> QUESTION_OPENERS = Set.of("what", "why", "how", "where",
            "when", "who", "which", "is", "are", "do", "does", "did", "can", "could", "would",
            "will", "should", "has", "have", "am", "was", "were", "whats", "what's", "hows");

    private final SentimentLexicon lexicon;
    private final boolean bigrams;

    /**
     * @param lexicon word valences
     * @param bigrams whether to emit word bigrams as well as unigrams
     */
    public TextFeatureExtractor(SentimentLexicon lexicon, boolean bigrams) {
        this.lexicon = lexicon;
        this.bigrams = bigrams;
    }

    /** The features of {@code text}; never empty (a bias-like {@code len:*} is always present). */
    public Map<String, Double> extract(String text) {
        List<String> tokens = Tokenizer.tokens(text);
        Map<String, Double> f = new LinkedHashMap<>(64);
        String prev = "<s>";
        int negLeft = 0;
        double boost = 1.0;
        double pos = 0;
        double neg = 0;
        double maxPos = 0;
        double maxNeg = 0;
        double contrast = 1.0;
        int words = 0;
        int exclaims = 0;
        boolean question = false;
        for (String t : tokens) {
            if (Tokenizer.BREAK.equals(t)) {
                negLeft = 0;
                boost = 1.0;
                prev = "<br>";
                continue;
            }
            if ("!".equals(t)) {
                exclaims++;
                negLeft = 0;
                continue;
            }
            if ("?".equals(t)) {
                question = true;
                negLeft = 0;
                continue;
            }
            f.put("u:" + t, 1.0);
            if (bigrams && Tokenizer.isWord(t)) {
                f.put("b:" + prev + "_" + t, 1.0);
            }
            if (Tokenizer.isWord(t)) {
                words++;
            }
            if ("but".equals(t) || "however".equals(t) || "although".equals(t)) {
                // VADER's contrast rule: the clause after "but" dominates the one before it.
                pos *= 0.5;
                neg *= 0.5;
                contrast = 1.5;
                negLeft = 0;
            } else if (lexicon.isNegator(t)) {
                negLeft = NEGATION_SCOPE;
            } else {
                double v = lexicon.valence(t) * boost * contrast;
                if (negLeft > 0) {
                    f.put("n:" + t, 1.0);
                    v *= -0.74; // "not good" is mildly bad, not the opposite of good
                    negLeft--;
                }
                if (v > 0) {
                    pos += v;
                    maxPos = Math.max(maxPos, v);
                } else if (v < 0) {
                    neg -= v;
                    maxNeg = Math.max(maxNeg, -v);
                }
                boost = lexicon.intensity(t);
            }
            prev = t;
        }
        lexiconFeatures(f, pos, neg, maxPos, maxNeg);
        styleFeatures(f, text, tokens, words, exclaims, question);
        return f;
    }

    private static void lexiconFeatures(Map<String, Double> f, double pos, double neg,
            double maxPos, double maxNeg) {
        f.put("lex:pos", Math.log1p(pos) / 2);
        f.put("lex:neg", Math.log1p(neg) / 2);
        f.put("lex:maxpos", maxPos / 4);
        f.put("lex:maxneg", maxNeg / 4);
        f.put("lex:net", Math.tanh((pos - neg) / 4));
        if (pos == 0 && neg == 0) {
            f.put("lex:none", 1.0);
        } else if (pos > 0 && neg > 0) {
            f.put("lex:mixed", 1.0);
        }
    }

    private static void styleFeatures(Map<String, Double> f, String text, List<String> tokens,
            int words, int exclaims, boolean question) {
        if (exclaims > 0) {
            f.put("sty:excl", Math.min(exclaims, 3) / 3.0);
        }
        if (question) {
            f.put("sty:qmark", 1.0);
        }
        String first = tokens.isEmpty() ? "" : tokens.get(0);
        if (QUESTION_OPENERS.contains(first)) {
            f.put("sty:qopen", 1.0);
        }
        int shouted = 0;
        for (String w : text.split("\\s+")) {
            if (w.length() >= 3 && w.chars().allMatch(c -> !Character.isLetter(c) || Character.isUpperCase(c))
                    && w.chars().anyMatch(Character::isLetter)) {
                shouted++;
            }
        }
        if (shouted > 0) {
            f.put("sty:caps", Math.min(shouted, 3) / 3.0);
        }
        f.put(words <= 3 ? "len:short" : words <= 8 ? "len:mid" : words <= 16 ? "len:long" : "len:vlong", 1.0);
    }
}
