package com.callportrait.speech.redact.internal;

import java.util.Map;
import java.util.Set;

/**
 * The vocabulary of spoken numbers as a recogniser writes them, and the conversion of a run of
 * them into the digits a person meant: digit by digit ("four five three two" = 4532, "oh" = 0),
 * "double five" = 55, "triple seven" = 777, pairs ("forty five thirty two" = 4532, "twenty three"
 * = 23) and magnitudes ("five hundred fifty" = 550, "two thousand and five" = 2005). Stateless.
 */
final class NumberWords {

    static final Map<String, Integer> UNITS = Map.ofEntries(Map.entry("zero", 0), Map.entry("oh", 0),
            Map.entry("o", 0), Map.entry("nought", 0), Map.entry("nil", 0), Map.entry("one", 1),
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9));
    static final Map<String, Integer> TEENS = Map.of("ten", 10, "eleven", 11, "twelve", 12,
            "thirteen", 13, "fourteen", 14, "fifteen", 15, "sixteen", 16, "seventeen", 17,
            "eighteen", 18, "nineteen", 19);
    static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40,
            "fourty", 40, "fifty", 50, "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);
    static final Map<String, Integer> MAGNITUDES = Map.of("hundred", 100, "thousand", 1000,
            "million", 1_000_000);
    static final Map<String, Integer> REPEATS = Map.of("double", 2, "triple", 3, "treble", 3);
    /**
     * Words a recogniser writes for a digit it misheard ("for" for four), counted as that digit
     * only between two other digits ("four six for seven"), never on their own.
     */
    static final Map<String, Integer> HOMOPHONES = Map.of("for", 4);
    /** Words that may stand inside a spoken number without ending it. */
    static final Set<String> FILLERS = Set.of("uh", "um", "er", "erm", "ah", "hmm", "dash", "hyphen");
    /** Punctuation that may stand inside a written number. */
    static final Set<String> SEPARATORS = Set.of("-", "(", ")", ".", "/", "\u2013");

    /** Result of {@link #digits}. */
    record Digits(String digits, boolean magnitude) {
    }

    private NumberWords() {
    }

    /** "oh"/"o"/"nil" only count as zero next to other number words (else "oh, I see"). */
    static boolean isWeakZero(String w) {
        return "oh".equals(w) || "o".equals(w) || "nil".equals(w);
    }

    static boolean isNumberWord(String w) {
        return UNITS.containsKey(w) || TEENS.containsKey(w) || TENS.containsKey(w)
                || MAGNITUDES.containsKey(w);
    }

    /**
     * Digits meant by {@code words} (number words, digit strings, "double"/"triple", "and" after a
     * magnitude; separators already removed).
     */
    static Digits digits(java.util.List<String> said) {
        java.util.List<String> words = said.stream()
                .map(w -> HOMOPHONES.containsKey(w) ? String.valueOf(HOMOPHONES.get(w)) : w).toList();
        StringBuilder out = new StringBuilder();
        long cur = -1;        // number being built from words, -1 = none
        long big = 0;         // thousands/millions part already closed
        boolean afterTens = false;
        boolean afterMagnitude = false;
        boolean magnitude = false;
        int repeat = 1;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (REPEATS.containsKey(w)) {
                repeat = REPEATS.get(w);
                continue;
            }
            if ("and".equals(w)) {
                continue;
            }
            Integer u = UNITS.get(w);
            Integer teen = TEENS.get(w);
            Integer tens = TENS.get(w);
            Integer mag = MAGNITUDES.get(w);
            boolean digitString = !w.isEmpty() && Character.isDigit(w.charAt(0)) && w.chars().allMatch(Character::isDigit);
            if (digitString && w.length() <= 3 && i + 1 < words.size() && MAGNITUDES.containsKey(words.get(i + 1))) {
                cur = flush(out, cur, big);
                big = 0;
                cur = Long.parseLong(w); // "17 million": a quantity the magnitude multiplies
                afterTens = afterMagnitude = false;
            } else if (digitString) {
                cur = flush(out, cur, big);
                big = 0;
                out.append(w.repeat(repeat));
                afterTens = afterMagnitude = false;
            } else if (u != null) {
                if (cur >= 0 && u > 0 && (afterTens || afterMagnitude && cur % 10 == 0)) {
                    cur += u;
                    afterTens = false;
                } else {
                    cur = flush(out, cur, big);
                    big = 0;
                    if (repeat > 1) {
                        out.append(String.valueOf(u).repeat(repeat));
                    } else {
                        cur = u;
                    }
                    afterMagnitude = false;
                }
            } else if (teen != null || tens != null) {
                int v = teen != null ? teen : tens;
                if (cur >= 0 && afterMagnitude && cur % 100 == 0) {
                    cur += v;
                } else {
                    cur = flush(out, cur, big);
                    big = 0;
                    cur = v;
                    afterMagnitude = false;
                }
                afterTens = tens != null;
            } else if (mag != null) {
                magnitude = true;
                if (mag >= 1000) {
                    big += (cur < 0 ? 1 : cur) * mag;
                    cur = 0;
                } else {
                    cur = (cur < 0 ? 1 : cur) * mag;
                }
                afterMagnitude = true;
                afterTens = false;
            }
            repeat = 1;
        }
        flush(out, cur, big);
        return new Digits(out.toString(), magnitude);
    }

    private static long flush(StringBuilder out, long cur, long big) {
        if (cur >= 0 || big > 0) {
            out.append(big + Math.max(cur, 0));
        }
        return -1;
    }
}
