package com.callportrait.speech.emotion.train;

import com.callportrait.speech.emotion.EmotionLabel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Generates labelled call-centre utterances from a written grammar ({@code grammar.txt}: slots per
 * domain, clauses per mood, escalation clauses, decoys; syntax in the file's header) and the
 * recogniser's typical confusions ({@code asr-confusions.txt}). Every utterance is composed of an
 * optional mood-free context clause, one or two clauses of its mood, an escalation clause for
 * escalations (before or after), then made to look recognised: fillers, a dropped word now and then,
 * and misheard words ("build" for "bill", "man a jar" for "manager").
 *
 * <p>Deterministic for a given {@link Random}. Immutable after {@link #load}; {@link #generate} is
 * safe to call from several threads with their own {@code Random}.
 */
public final class CallCentreGrammar {

    private enum Kind { CLAUSE, CONTEXT, ESC, DECOY }

    private record Template(Kind kind, EmotionLabel label, String text) {
    }

    private final Map<String, List<String>> slots;
    private final Map<Kind, Map<EmotionLabel, List<String>>> templates;
    private final Map<String, List<String>> confusions;

    private CallCentreGrammar(Map<String, List<String>> slots, List<Template> all, Map<String, List<String>> confusions) {
        this.slots = slots;
        this.confusions = confusions;
        this.templates = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            Map<EmotionLabel, List<String>> byLabel = new EnumMap<>(EmotionLabel.class);
            for (EmotionLabel l : EmotionLabel.values()) {
                byLabel.put(l, new ArrayList<>());
            }
            templates.put(k, byLabel);
        }
        for (Template t : all) {
            templates.get(t.kind).get(t.label).add(t.text);
        }
    }

    /** Reads the grammar and the confusion list. */
    public static CallCentreGrammar load(Path grammar, Path confusions) throws IOException {
        Map<String, List<String>> slots = new HashMap<>();
        List<Template> all = new ArrayList<>();
        int lineNo = 0;
        for (String raw : Files.readAllLines(grammar, StandardCharsets.UTF_8)) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("@")) {
                int eq = line.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException(grammar + ":" + lineNo + ": slot without '='");
                }
                slots.put(line.substring(1, eq).strip(), splitTop(line.substring(eq + 1).strip()));
                continue;
            }
            int sep = line.indexOf("::");
            if (sep < 0) {
                throw new IllegalArgumentException(grammar + ":" + lineNo + ": expected 'KIND [LABEL] :: text'");
            }
            String[] head = line.substring(0, sep).strip().split("\\s+");
            Kind kind = Kind.valueOf(head[0]);
            EmotionLabel label = kind == Kind.CONTEXT ? EmotionLabel.NEUTRAL
                    : EmotionLabel.valueOf(head[1].toUpperCase(Locale.ROOT));
            all.add(new Template(kind, label, line.substring(sep + 2).strip()));
        }
        Map<String, List<String>> conf = new HashMap<>();
        for (String raw : Files.readAllLines(confusions, StandardCharsets.UTF_8)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.split("=>");
            List<String> heard = new ArrayList<>();
            for (String h : p[1].split("\\|")) {
                heard.add(h.strip());
            }
            conf.merge(p[0].strip(), heard, (a, b) -> {
                List<String> m = new ArrayList<>(a);
                m.addAll(b);
                return m;
            });
        }
        return new CallCentreGrammar(slots, all, conf);
    }

    /** Number of clause templates of each kind, for the training report. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (Kind k : Kind.values()) {
            int n = 0;
            for (List<String> l : templates.get(k).values()) {
                n += l.size();
            }
            b.append(k.name().toLowerCase(Locale.ROOT)).append(' ').append(n).append(", ");
        }
        return b.append("slots ").append(slots.size()).append(", confusions ").append(confusions.size()).toString();
    }

    /**
     * {@code n} utterances: moods in equal shares, {@code escalationShare} of them escalations,
     * {@code decoyShare} of them decoys (escalation words that are not an escalation).
     */
    public List<CallCentreData.Row> generate(Random rnd, int n, double escalationShare, double decoyShare,
            double noise) {
        return generate(rnd, n, escalationShare, decoyShare, noise, i -> true);
    }

    /**
     * As {@link #generate(Random, int, double, double, double)}, drawing mood, escalation and decoy
     * clauses only from the templates whose index in their list passes {@code templates} (all of them
     * when none does): the trainer fits its calibration on templates a probe model never saw.
     */
    public List<CallCentreData.Row> generate(Random rnd, int n, double escalationShare, double decoyShare,
            double noise, java.util.function.IntPredicate templates) {
        List<CallCentreData.Row> out = new ArrayList<>(n);
        EmotionLabel[] labels = EmotionLabel.values();
        for (int i = 0; i < n; i++) {
            String domain = CallCentreData.DOMAINS.get(rnd.nextInt(CallCentreData.DOMAINS.size()));
            double kind = rnd.nextDouble();
            List<String> parts = new ArrayList<>();
            EmotionLabel label;
            boolean escalation = false;
            if (rnd.nextDouble() < 0.3) {
                parts.add(pick(rnd, Kind.CONTEXT, EmotionLabel.NEUTRAL, domain, i2 -> true));
            }
            if (kind < escalationShare) {
                escalation = true;
                double m = rnd.nextDouble();
                label = m < 0.45 ? EmotionLabel.ANGRY : m < 0.85 ? EmotionLabel.FRUSTRATED : EmotionLabel.NEUTRAL;
                String esc = pick(rnd, Kind.ESC, label, domain, templates);
                boolean withClause = label != EmotionLabel.NEUTRAL && rnd.nextDouble() < 0.6;
                String clause = withClause ? pick(rnd, Kind.CLAUSE, label, domain, templates) : null;
                if (clause != null && rnd.nextDouble() < 0.3) {
                    parts.add(esc);
                    parts.add(clause);
                } else {
                    if (clause != null) {
                        parts.add(clause);
                    }
                    parts.add(esc);
                }
            } else if (kind < escalationShare + decoyShare) {
                double m = rnd.nextDouble();
                label = m < 0.55 ? EmotionLabel.NEUTRAL : m < 0.75 ? EmotionLabel.SATISFIED
                        : m < 0.92 ? EmotionLabel.FRUSTRATED : EmotionLabel.ANGRY;
                parts.add(pick(rnd, Kind.DECOY, label, domain, templates));
                if (label == EmotionLabel.ANGRY) {
                    parts.add(0, pick(rnd, Kind.CLAUSE, label, domain, templates));
                }
            } else {
                label = labels[rnd.nextInt(labels.length)];
                parts.add(pick(rnd, Kind.CLAUSE, label, domain, templates));
                if (rnd.nextDouble() < 0.35) {
                    parts.add(pick(rnd, Kind.CLAUSE, label, domain, templates));
                }
            }
            out.add(new CallCentreData.Row(domain, label, escalation, recognised(rnd, String.join(" ", parts), noise)));
        }
        return out;
    }

    private String pick(Random rnd, Kind kind, EmotionLabel label, String domain,
            java.util.function.IntPredicate filter) {
        List<String> all = templates.get(kind).get(label);
        if (all.isEmpty()) {
            throw new IllegalStateException("no " + kind + " templates for " + label);
        }
        List<String> list = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (filter.test(i)) {
                list.add(all.get(i));
            }
        }
        if (list.isEmpty()) {
            list = all;
        }
        return expand(list.get(rnd.nextInt(list.size())), rnd, domain, 0);
    }

    private String expand(String s, Random rnd, String domain, int depth) {
        if (depth > 8) {
            throw new IllegalStateException("grammar nests too deep at: " + s);
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '(') {
                int close = matching(s, i, '(', ')');
                List<String> alts = splitTop(s.substring(i + 1, close));
                out.append(expand(alts.get(rnd.nextInt(alts.size())), rnd, domain, depth + 1));
                i = close + 1;
            } else if (c == '{') {
                int close = s.indexOf('}', i);
                String name = s.substring(i + 1, close);
                List<String> values = slots.get(name + "." + domain);
                if (values == null) {
                    values = slots.get(name);
                }
                if (values == null) {
                    throw new IllegalStateException("no slot " + name + " for " + domain);
                }
                out.append(expand(values.get(rnd.nextInt(values.size())), rnd, domain, depth + 1));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    private static int matching(String s, int open, char o, char c) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == o) {
                depth++;
            } else if (s.charAt(i) == c && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced " + o + " in " + s);
    }

    /** Splits on '|' outside parentheses. */
    private static List<String> splitTop(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(s.substring(start, i).strip());
                start = i + 1;
            }
        }
        out.add(s.substring(start).strip());
        return out;
    }

    /** Makes {@code text} look recognised: fillers, a dropped word, misheard words. */
    String recognised(Random rnd, String text, double noise) {
        String[] words = text.split(" ");
        List<String> out = new ArrayList<>(words.length + 2);
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (rnd.nextDouble() < noise * 0.15) {
                out.add(rnd.nextBoolean() ? "uh" : "um");
            }
            if (words.length > 4 && rnd.nextDouble() < noise * 0.04) {
                continue;
            }
            List<String> heard = confusions.get(w);
            if (heard != null && rnd.nextDouble() < noise) {
                out.add(heard.get(rnd.nextInt(heard.size())));
            } else {
                out.add(w);
            }
        }
        return String.join(" ", out);
    }
}
