package com.callportrait.speech.emotion.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Word valences from the VADER sentiment lexicon (Hutto and Gilbert 2014, MIT licence), read from
 * the {@code vader-sentiment-analyzer} jar on the classpath, on a -4 (very negative) to +4 scale,
 * plus the small word lists that change a valence: negators and intensifiers.
 *
 * <p>Immutable after loading and thread-safe; load once ({@link #shared()}).
 */
public final class SentimentLexicon {

    static final String RESOURCE = "vader_sentiment_lexicon.txt";

    /** Words that flip the polarity of the next few words ("not happy"). */
    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "nothing", "nobody",
            "none", "neither", "nor", "nowhere", "cannot", "without", "hardly", "barely", "aint",
            "dont", "doesnt", "didnt", "isnt", "wasnt", "cant", "wont", "couldnt", "wouldnt",
            "shouldnt", "havent", "hasnt", "hadnt", "arent", "werent");

    /** Words that strengthen the next sentiment word ("really bad"), with their factor. */
    private static final Map<String, Double> INTENSIFIERS = Map.ofEntries(
            Map.entry("very", 1.3), Map.entry("really", 1.3), Map.entry("so", 1.2),
            Map.entry("extremely", 1.5), Map.entry("totally", 1.4), Map.entry("absolutely", 1.4),
            Map.entry("completely", 1.4), Map.entry("incredibly", 1.5), Map.entry("super", 1.3),
            Map.entry("too", 1.2), Map.entry("utterly", 1.5), Map.entry("fucking", 1.5),
            Map.entry("freaking", 1.4), Map.entry("damn", 1.3), Map.entry("highly", 1.3),
            Map.entry("most", 1.2), Map.entry("such", 1.2), Map.entry("truly", 1.3),
            Map.entry("slightly", 0.6), Map.entry("somewhat", 0.7), Map.entry("little", 0.7),
            Map.entry("kinda", 0.7), Map.entry("sort", 0.8), Map.entry("bit", 0.7),
            Map.entry("fairly", 0.8), Map.entry("pretty", 1.1), Map.entry("quite", 1.1));

    private static volatile SentimentLexicon shared;

    private final Map<String, Double> valence;

    private SentimentLexicon(Map<String, Double> valence) {
        this.valence = Map.copyOf(valence);
    }

    /** The lexicon from the classpath, loaded on first use. */
    public static SentimentLexicon shared() {
        SentimentLexicon s = shared;
        if (s == null) {
            synchronized (SentimentLexicon.class) {
                s = shared;
                if (s == null) {
                    s = load();
                    shared = s;
                }
            }
        }
        return s;
    }

    static SentimentLexicon load() {
        InputStream in = SentimentLexicon.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is not on the classpath"
                    + " (dependency com.github.apanimesh061:vader-sentiment-analyzer missing)");
        }
        Map<String, Double> map = new HashMap<>(8192);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split("\t");
                if (f.length >= 2 && !f[0].isEmpty()) {
                    map.put(f[0], Double.parseDouble(f[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new SentimentLexicon(map);
    }

    /** Valence of {@code word} on -4..+4, or 0 when the word carries none. */
    public double valence(String word) {
        Double v = valence.get(word);
        return v == null ? 0 : v;
    }

    /** Number of entries. */
    public int size() {
        return valence.size();
    }

    /** True for "not", "never", "don't", "can't" and the like. */
    public boolean isNegator(String word) {
        return NEGATORS.contains(word) || word.endsWith("n't")
                || NEGATORS.contains(word.replace("'", ""));
    }

    /** Factor applied to the next sentiment word: above 1 strengthens, below 1 weakens, 1 none. */
    public double intensity(String word) {
        return INTENSIFIERS.getOrDefault(word, 1.0);
    }
}
