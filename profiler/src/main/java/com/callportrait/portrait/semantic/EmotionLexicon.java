package com.callportrait.portrait.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/**
 * The fallback emotion of a text when no live reading exists ({@code emotion-lexicon.yaml}).
 * Immutable and thread-safe.
 */
public final class EmotionLexicon {
    private static final List<String> LABELS = List.of("angry", "negative", "positive");
    private final PhraseScorer scorer = new PhraseScorer(LABELS);

    private EmotionLexicon(JsonNode root) {
        for (String label : LABELS) {
            root.path(label).forEach(w -> scorer.add(label, w.asText(), 1.0));
        }
    }

    /** The bundled lexicon ({@link ConfigFiles#from} names the file that overrides it: {@code CP_PORTRAIT_EMOTIONS}). */
    public static EmotionLexicon load() {
        return load(null);
    }

    /** The file {@code override}, or the bundled lexicon when it is {@code null}. */
    public static EmotionLexicon load(Path override) {
        return new EmotionLexicon(ConfigFiles.load("emotion-lexicon.yaml", override));
    }

    /** {@code angry}, {@code negative}, {@code positive} or {@code neutral}. */
    public String classify(String text) {
        if (text == null || text.isEmpty()) {
            return "neutral";
        }
        double[] s = new double[3];
        // Only the caller's words say how the caller feels; agents are polite by training.
        StringBuilder caller = new StringBuilder();
        int i = 0;
        boolean marked = text.contains("caller:");
        if (!marked) {
            caller.append(text);
        }
        while (marked && (i = text.indexOf("caller:", i)) >= 0) {
            int end = text.indexOf("agent:", i);
            caller.append(' ').append(text, i + 7, end < 0 ? text.length() : end);
            i += 7;
        }
        scorer.score(PhraseScorer.tokens(caller.toString()), 1.0, s);
        if (s[0] > 0) {
            return "angry";
        }
        if (s[1] > s[2]) {
            return "negative";
        }
        return s[2] > 0 ? "positive" : "neutral";
    }
}
