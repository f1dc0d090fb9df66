package com.callportrait.bench.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Word error rate: (substitutions + deletions + insertions) / reference words. Stateless. */
public final class Wer {
    private static final Map<String, String> CONTRACTIONS = Map.ofEntries(Map.entry("i've", "i have"),
            Map.entry("i'm", "i am"), Map.entry("don't", "do not"), Map.entry("can't", "cannot"),
            Map.entry("can not", "cannot"), Map.entry("it's", "it is"), Map.entry("that's", "that is"),
            Map.entry("won't", "will not"), Map.entry("i'd", "i would"), Map.entry("you've", "you have"),
            Map.entry("what's", "what is"), Map.entry("i'll", "i will"), Map.entry("okay", "ok"));

    private Wer() {
    }

    /** Lower case, no punctuation, contractions expanded, the same for reference and hypothesis. */
    public static List<String> normalize(String text) {
        String t = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z' ]", " ").replaceAll("\\s+", " ") + " ";
        for (Map.Entry<String, String> c : CONTRACTIONS.entrySet()) {
            t = t.replace(" " + c.getKey() + " ", " " + c.getValue() + " ");
        }
        List<String> out = new ArrayList<>();
        for (String w : t.trim().split(" ")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** Word edit distance between reference and hypothesis. */
    public static int errors(String reference, String hypothesis) {
        List<String> r = normalize(reference);
        List<String> h = normalize(hypothesis);
        int[] prev = new int[h.size() + 1];
        int[] cur = new int[h.size() + 1];
        for (int j = 0; j <= h.size(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= r.size(); i++) {
            cur[0] = i;
            for (int j = 1; j <= h.size(); j++) {
                int sub = prev[j - 1] + (r.get(i - 1).equals(h.get(j - 1)) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[h.size()];
    }

    public static int words(String reference) {
        return normalize(reference).size();
    }

    /** Accumulates errors over a test set. Not thread-safe. */
    public static final class Tally {
        private long errors;
        private long words;
        private int utterances;

        public void add(String reference, String hypothesis) {
            errors += Wer.errors(reference, hypothesis);
            words += Wer.words(reference);
            utterances++;
        }

        public double percent() {
            return words == 0 ? 0 : 100.0 * errors / words;
        }

        public int utterances() {
            return utterances;
        }

        public long words() {
            return words;
        }
    }
}
