package com.callportrait.portrait.semantic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores text against weighted words and phrases per label. Immutable after construction and
 * thread-safe. Tokenisation is deliberately simple (lower case, letters and apostrophes) because the
 * input is already a normalised ASR transcript or CRM note.
 */
final class PhraseScorer {
    private record Phrase(String[] words, int label, double weight) { }

    private final List<String> labels;
    private final Map<String, List<Phrase>> byFirstWord = new HashMap<>();

    PhraseScorer(List<String> labels) {
        this.labels = List.copyOf(labels);
    }

    void add(String label, String phrase, double weight) {
        int idx = labels.indexOf(label);
        if (idx < 0) {
            throw new IllegalArgumentException("unknown label " + label);
        }
        String[] words = tokens(phrase).toArray(String[]::new);
        if (words.length == 0) {
            throw new IllegalArgumentException("empty phrase for " + label);
        }
        byFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>()).add(new Phrase(words, idx, weight));
    }

    List<String> labels() {
        return labels;
    }

    /** Adds {@code factor * weight} to {@code scores[label]} for every phrase found in the tokens. */
    void score(List<String> tokens, double factor, double[] scores) {
        for (int i = 0; i < tokens.size(); i++) {
            List<Phrase> candidates = byFirstWord.get(tokens.get(i));
            if (candidates == null) {
                continue;
            }
            for (Phrase p : candidates) {
                if (matches(tokens, i, p.words)) {
                    scores[p.label] += factor * p.weight;
                }
            }
        }
    }

    /** Every phrase found in the tokens, in text order: its label, its words joined by spaces, its weight. */
    void forEachMatch(List<String> tokens, MatchSink sink) {
        for (int i = 0; i < tokens.size(); i++) {
            List<Phrase> candidates = byFirstWord.get(tokens.get(i));
            if (candidates == null) {
                continue;
            }
            for (Phrase p : candidates) {
                if (matches(tokens, i, p.words)) {
                    sink.match(labels.get(p.label), String.join(" ", p.words), p.weight);
                }
            }
        }
    }

    /** Receives the phrases {@link #forEachMatch} finds. */
    interface MatchSink {
        void match(String label, String phrase, double weight);
    }

    private static boolean matches(List<String> tokens, int at, String[] words) {
        if (at + words.length > tokens.size()) {
            return false;
        }
        for (int k = 1; k < words.length; k++) {
            if (!tokens.get(at + k).equals(words[k])) {
                return false;
            }
        }
        return true;
    }

    static List<String> tokens(String text) {
        // a word takes at least two characters (itself and a separator): sized so the list never grows
        List<String> out = new ArrayList<>(text.length() / 2 + 1);
        String s = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ' ';
            boolean word = Character.isLetterOrDigit(c) || c == '\'';
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(s.substring(start, i));
                start = -1;
            }
        }
        return out;
    }
}
