package com.callportrait.speech.redact.eval;

import com.callportrait.speech.redact.Redactor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Scores a redactor on a labelled set ({@code text TAB types TAB secrets}, types and secrets
 * separated by {@code |}; see {@code speech/src/test/resources/redaction/}). A type is the expected
 * placeholder, optionally with a category after a colon ({@code PHONE:cn-mobile}), which figures
 * are reported by. A secret counts as caught when no run of three of its tokens (or, for a one- or
 * two-token secret, the secret itself) survives in the output; Chinese text has no spaces, so
 * there each Han character is a token (no three characters of "北京市朝阳区建国路88号" in a row may
 * survive); as caught with the right type when the expected placeholder is
 * there too. A row without secrets is a negative control: any placeholder in it is a false
 * positive. Stateless and thread-safe (as thread-safe as the redactor it is given).
 */
public final class RedactionScore {

    /** Totals of one run; {@code byType} maps a type to {secrets, caught, caught with its placeholder}. */
    public record Result(int secrets, int caught, int typed, int negatives, int falsePositives,
            int extraPlaceholders, List<String> misses, Map<String, int[]> byType, double microsPerRow) {
        public double recall() {
            return secrets == 0 ? 0 : caught / (double) secrets;
        }
    }

    private RedactionScore() {
    }

    /** The first column of each line of a TSV (optionally gzipped), as negative-control rows. */
    public static List<String> negativeRows(Path tsv) throws IOException {
        try (InputStream raw = Files.newInputStream(tsv);
             InputStream in = tsv.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
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
            int placeholders = out.split("\\[(CARD|PHONE|NATIONAL_ID|EMAIL|NUMBER|ADDRESS)]", -1).length - 1;
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
                String placeholder = types[i].split(":", 2)[0];
                if (out.contains("[" + placeholder + "]")) {
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
    private static boolean leaks(String secret, String out) {
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
        return Arrays.stream(s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+|(?<=\\p{IsHan})|(?=\\p{IsHan})"))
                .filter(x -> !x.isEmpty() && !"uh".equals(x) && !"dash".equals(x)).toList();
    }
}
