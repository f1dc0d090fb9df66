package com.callportrait.bench.speech;

import com.callportrait.speech.redact.Redactors;
import com.callportrait.speech.redact.eval.RedactionScore;
import com.callportrait.speech.redact.eval.RedactionScore.Result;
import com.callportrait.speech.redact.eval.SeedMarketPiiSet;
import com.callportrait.speech.redact.eval.SpokenPiiSet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the standard redactor ({@code redaction}) on labelled sets, scored by
 * {@link RedactionScore} (which says what counts as caught and as a false positive), and its speed
 * per sentence. Prints Markdown and lists the misses. Stateless.
 */
public final class RedactionBenchmark {

    private RedactionBenchmark() {
    }

    /**
     * Scores the seeded spoken set of {@link SpokenPiiSet} ({@code generated} rows, none when 0),
     * each labelled set, and the false-positive rate on ordinary sentences (first column of a TSV
     * such as the GoEmotions dev split, each used as a negative control; skipped when
     * {@code negatives} is null). With nothing asked, scores the committed generated set.
     */
    public static void run(int generated, long seed, Path negatives, List<Path> labelledSets) throws IOException {
        run(generated, seed, 0, 0, negatives, labelledSets);
    }

    /**
     * As {@link #run(int, long, Path, List)}, plus {@code seedMarket} rows of the seeded
     * {@link SeedMarketPiiSet} (Chinese mobiles, resident ids, bank cards, English and Chinese
     * addresses) with {@code seedMarketSeed}; none when 0.
     */
    public static void run(int generated, long seed, int seedMarket, long seedMarketSeed, Path negatives,
                           List<Path> labelledSets) throws IOException {
        List<Path> sets = new ArrayList<>(labelledSets);
        if (seedMarket > 0) {
            System.out.printf("## Generated seed-market set (%d rows, seed %d)%n%n", seedMarket, seedMarketSeed);
            print(RedactionScore.run(SeedMarketPiiSet.generate(seedMarket, seedMarketSeed), Redactors.standard(), true),
                    System.out);
        }
        if (generated == 0 && seedMarket == 0 && sets.isEmpty() && negatives == null) {
            sets.add(Path.of("speech/src/test/resources/redaction/redaction-set.tsv"));
        }
        if (generated > 0) {
            System.out.printf("## Generated spoken set (%d rows, seed %d)%n%n", generated, seed);
            print(RedactionScore.run(SpokenPiiSet.generate(generated, seed), Redactors.standard(), true), System.out);
        }
        for (Path set : sets) {
            System.out.printf("## %s%n%n", set.getFileName());
            print(RedactionScore.run(Files.readAllLines(set, StandardCharsets.UTF_8), Redactors.standard(), true), System.out);
        }
        if (negatives != null) {
            System.out.printf("## Ordinary sentences: %s%n%n", negatives.getFileName());
            print(RedactionScore.run(RedactionScore.negativeRows(negatives), Redactors.standard(), true), System.out);
        }
    }

    static void print(Result r, PrintStream out) {
        if (r.secrets() == 0) {
            out.printf("Sentences: %d, with a placeholder (false positives): %d (%.2f%%)%n%n", r.negatives(),
                    r.falsePositives(), 100.0 * r.falsePositives() / Math.max(1, r.negatives()));
            r.misses().forEach(m -> out.println("- " + m));
            out.println();
            return;
        }
        out.println("| type | secrets | caught | caught with the right placeholder |");
        out.println("| --- | --- | --- | --- |");
        r.byType().forEach((k, v) -> out.printf("| %s | %d | %d (%.1f%%) | %d |%n", k, v[0], v[1], 100.0 * v[1] / v[0], v[2]));
        out.printf("| **all** | %d | %d (**%.1f%%**) | %d (%.1f%%) |%n%n", r.secrets(), r.caught(), 100 * r.recall(),
                r.typed(), 100.0 * r.typed() / r.secrets());
        out.printf("Negative controls: %d, false positives: %d (%.1f%%); extra placeholders in positive rows: %d%n",
                r.negatives(), r.falsePositives(), 100.0 * r.falsePositives() / Math.max(1, r.negatives()),
                r.extraPlaceholders());
        out.printf("Speed: %.1f µs per sentence (one thread)%n%n", r.microsPerRow());
        out.println("Misses and false positives:");
        r.misses().forEach(m -> out.println("- " + m));
    }
}
