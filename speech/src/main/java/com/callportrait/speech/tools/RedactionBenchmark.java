package com.callportrait.speech.tools;

import com.callportrait.speech.redact.Redactor;
import com.callportrait.speech.redact.Redactors;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the redactor on a labelled set ({@code text TAB types TAB secrets}, see
 * {@code speech/src/test/resources/redaction/}). A secret counts as caught when no run of three
 * of its tokens (or, for a one- or two-token secret, the secret itself) survives in the output;
 * as caught with the right type when the expected placeholder is there too. A negative control
 * (no secret) with any placeholder is a false positive. Prints Markdown and lists the misses.
 */
public final class RedactionBenchmark {

    /** Totals of one run. */
    public record Result(int secrets, int caught, int typed, int negatives, int falsePositives,
            int extraPlaceholders, List<String> misses, Map<String, int[]> byType, double microsPerRow) {
        public double recall() {
            return secrets == 0 ? 0 : caught / (double) secrets;
        }
    }

    private RedactionBenchmark() {
    }

    /**
     * {@code [--generated N] [--seed S] [--negatives FILE.tsv[.gz]] [SET.tsv ...]}: scores the
     * seeded spoken set of {@link SpokenPiiSet} (N rows, default 0), each labelled set, and the
     * false-positive rate on ordinary sentences (first column of a TSV such as the GoEmotions dev
     * split, each used as a negative control).
     */
    public static void main(String[] args) throws IOException {
        int generated = 0;
        long seed = 20261122L;
        Path negatives = null;
        List<Path> sets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--generated" -> generated = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--negatives" -> negatives = Path.of(args[++i]);
                default -> sets.add(Path.of(args[i]));
            }
        }
        if (generated == 0 && sets.isEmpty() && negatives == null) {
            sets.add(Path.of("speech/src/test/resources/redaction/redaction-set.tsv"));
        }
        if (generated > 0) {
            System.out.printf("## Generated spoken set (%d rows, seed %d)%n%n", generated, seed);
            print(run(SpokenPiiSet.generate(generated, seed), Redactors.standard(), true), System.out);
        }
        for (Path set : sets) {
            System.out.printf("## %s%n%n", set.getFileName());
            print(run(Files.readAllLines(set, StandardCharsets.UTF_8), Redactors.standard(), true), System.out);
        }
        if (negatives != null) {
            System.out.printf("## Ordinary sentences: %s%n%n", negatives.getFileName());
            print(run(negativeRows(negatives), Redactors.standard(), true), System.out);
        }
    }

    /** The first column of each line of a TSV (optionally gzipped), as negative-control rows. */
    public static List<String> negativeRows(Path tsv) throws IOException {
        try (java.io.InputStream raw = Files.newInputStream(tsv);
             java.io.InputStream in = tsv.toString().endsWith(".gz") ? new java.util.zip.GZIPInputStream(raw) : raw) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(l -> l.split("\t", 2)[0].strip()).filter(t -> !t.isEmpty()).map(t -> t + "\t\t").toList();
        }
    }

    /** Scores {@code redactor} on the rows of the set, without timing it (tests). */
    public static Result run(List<String> lines, Redactor redactor) {
        return run(lines, redactor, false);
    }

    /** Scores {@code redactor} on the rows of the set; {@code timed} also measures µs per sentence. */
    public static Result run(List<String> lines, Redactor redactor, boolean timed) {
        int secrets = 0;
        int caught = 0;
        int typed = 0;
        int negatives = 0;
        int fps = 0;
        int extra = 0;
        List<String> misses = new ArrayList<>();
        Map<String, int[]> byType = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String out = redactor.redact(f[0]);
            int placeholders = out.split("\\[(CARD|PHONE|NATIONAL_ID|EMAIL|NUMBER)]", -1).length - 1;
            if (f.length < 3 || f[1].isEmpty()) {
                negatives++;
                if (placeholders > 0) {
                    fps++;
                    misses.add("FALSE POSITIVE: " + f[0] + " -> " + out);
                }
                continue;
            }
            String[] types = f[1].split("\\|");
            String[] secs = f[2].split("\\|");
            extra += Math.max(0, placeholders - secs.length);
            for (int i = 0; i < secs.length; i++) {
                secrets++;
                int[] t = byType.computeIfAbsent(types[i], k -> new int[3]);
                t[0]++;
                if (leaks(secs[i], out)) {
                    misses.add("MISSED " + types[i] + ": " + f[0] + " -> " + out);
                    continue;
                }
                caught++;
                t[1]++;
                if (out.contains("[" + types[i] + "]")) {
                    typed++;
                    t[2]++;
                } else {
                    misses.add("caught, other placeholder (" + types[i] + "): " + f[0] + " -> " + out);
                }
            }
        }
        if (!timed) {
            return new Result(secrets, caught, typed, negatives, fps, extra, misses, byType, Double.NaN);
        }
        String[] texts = lines.stream().filter(l -> !l.isBlank()).map(l -> l.split("\t", -1)[0]).toArray(String[]::new);
        for (int warm = 0; warm < 20; warm++) {
            for (String t : texts) {
                redactor.redact(t);
            }
        }
        long t0 = System.nanoTime();
        for (int rep = 0; rep < 20; rep++) {
            for (String t : texts) {
                redactor.redact(t);
            }
        }
        double micros = (System.nanoTime() - t0) / 1e3 / (20.0 * texts.length);
        return new Result(secrets, caught, typed, negatives, fps, extra, misses, byType, micros);
    }

    /** True when a recognisable part of {@code secret} is still in {@code out}. */
    static boolean leaks(String secret, String out) {
        List<String> s = words(secret);
        List<String> o = words(out);
        int w = Math.min(3, s.size());
        for (int i = 0; i + w <= s.size(); i++) {
            List<String> window = s.subList(i, i + w);
            for (int j = 0; j + w <= o.size(); j++) {
                if (o.subList(j, j + w).equals(window)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> words(String s) {
        return Arrays.stream(s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(x -> !x.isEmpty() && !"uh".equals(x) && !"dash".equals(x)).toList();
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
