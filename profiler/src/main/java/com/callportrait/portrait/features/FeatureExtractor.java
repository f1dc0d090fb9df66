package com.callportrait.portrait.features;

import com.callportrait.portrait.semantic.Contact;
import com.callportrait.portrait.semantic.LinkedHistory;
import com.callportrait.portrait.semantic.Linker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Computes the features of {@link FeatureRules} for one customer as of a moment. Nothing after
 * {@code asOf} is visible, which is what lets the complaint-risk model train on a time split.
 * Missing features are {@code NaN}. Immutable and thread-safe.
 */
public final class FeatureExtractor {
    /** The features of one customer and the linked history they were computed from. */
    public record Extraction(double[] values, LinkedHistory links) { }

    private final FeatureRules rules;
    private final Linker linker;
    /**
     * Per rule (same index), its contact conditions compiled once: a training extracts features
     * millions of times, and iterating the rule's condition map and parsing its hour ranges per
     * contact was most of the garbage it made.
     */
    private final Condition[][] where;

    public FeatureExtractor(FeatureRules rules, Linker linker) {
        this.rules = rules;
        this.linker = linker;
        List<FeatureRule> rs = rules.rules();
        this.where = new Condition[rs.size()][];
        for (int i = 0; i < rs.size(); i++) {
            where[i] = Condition.compile(rs.get(i).where());
        }
    }

    public FeatureRules rules() {
        return rules;
    }

    public Extraction extract(CustomerHistory h, long asOf) {
        List<Contact> visible = new ArrayList<>(h.contacts().size());
        for (Contact c : h.contacts()) {
            if (c.at() <= asOf) {
                visible.add(c);
            }
        }
        LinkedHistory links = linker.link(visible, events(h, asOf));
        List<FeatureRule> rs = rules.rules();
        double[] v = new double[rs.size()];
        for (int i = 0; i < rs.size(); i++) {
            FeatureRule r = rs.get(i);
            v[i] = switch (r.source()) {
                case "contacts" -> contacts(r, where[i], links, asOf);
                case "bills" -> bills(r, h.bills(), asOf);
                case "complaints" -> cases(r, h.complaints(), asOf);
                case "tickets" -> cases(r, h.tickets(), asOf);
                case "customer" -> customer(r, h, asOf);
                case "links" -> linkValue(r, links);
                case "attribute" -> attribute(h.attributes().get(r.field()));
                case "ratio" -> v[rules.indexOf(r.numerator())]
                        / Math.max(v[rules.indexOf(r.denominator())] * r.denominatorScale(), r.smoothing());
                default -> throw new IllegalStateException(r.source());
            };
        }
        return new Extraction(v, links);
    }

    private static List<Linker.Event> events(CustomerHistory h, long asOf) {
        List<Linker.Event> ev = new ArrayList<>();
        for (BillFact b : h.bills()) {
            if (b.due() <= asOf && b.lateAsOf(asOf)) {
                ev.add(new Linker.Event(b.due(), "late_bill"));
            }
        }
        for (CaseFact t : h.tickets()) {
            if (t.opened() <= asOf) {
                ev.add(new Linker.Event(t.opened(), "ticket"));
            }
        }
        for (CaseFact c : h.complaints()) {
            if (c.opened() <= asOf) {
                ev.add(new Linker.Event(c.opened(), "complaint"));
            }
        }
        ev.sort(Comparator.comparingLong(Linker.Event::at).thenComparing(Linker.Event::kind));
        return ev;
    }

    private static double contacts(FeatureRule r, Condition[] where, LinkedHistory links, long asOf) {
        List<Contact> cs = links.contacts();
        int n = 0;
        int hits = 0;
        double sum = 0;
        int valued = 0;
        double last = Double.NaN;
        long lastAt = -1;
        List<double[]> series = r.agg().equals("trend") ? new ArrayList<>() : null;
        for (int i = 0; i < cs.size(); i++) {
            Contact c = cs.get(i);
            if (!r.inWindow(c.at(), asOf)) {
                continue;
            }
            n++;
            boolean match = matches(where, c, links.repeat()[i]);
            if (!match) {
                continue;
            }
            hits++;
            lastAt = c.at();
            if (r.field() != null) {
                double x = field(r.field(), c);
                if (!Double.isNaN(x)) {
                    sum += x;
                    valued++;
                    last = x;
                    if (series != null) {
                        series.add(new double[] {c.at(), x});
                    }
                }
            }
        }
        return switch (r.agg()) {
            case "count" -> hits;
            case "share" -> n == 0 ? Double.NaN : (double) hits / n;
            case "mean" -> valued == 0 ? Double.NaN : sum / valued;
            case "sum" -> sum;
            case "last" -> last;
            case "days_since_last" -> lastAt < 0 ? Double.NaN : (asOf - lastAt) / 86_400.0;
            case "trend" -> trend(series);
            default -> throw new IllegalArgumentException("agg " + r.agg() + " not valid for contacts");
        };
    }

    /** Mean of the newer half minus mean of the older half: the direction of the last months. */
    private static double trend(List<double[]> s) {
        if (s.size() < 2) {
            return Double.NaN;
        }
        int half = s.size() / 2;
        double older = 0;
        double newer = 0;
        for (int i = 0; i < s.size(); i++) {
            if (i < half) {
                older += s.get(i)[1];
            } else {
                newer += s.get(i)[1];
            }
        }
        return newer / (s.size() - half) - older / half;
    }

    private static boolean matches(Condition[] where, Contact c, boolean repeat) {
        for (Condition w : where) {
            if (!w.test(c, repeat)) {
                return false;
            }
        }
        return true;
    }

    /**
     * One condition of a contact rule ({@code where: {topic: [billing], hour: ["8-12"]}}), compiled.
     * An unknown key or a bad hour range fails when a contact is tested, as it did when the map was
     * read per contact. Immutable.
     */
    private record Condition(String key, List<String> allowed, int[] hourFrom, int[] hourTo) {
        static Condition[] compile(Map<String, List<String>> where) {
            if (where == null || where.isEmpty()) {
                return new Condition[0];
            }
            List<Condition> out = new ArrayList<>(where.size());
            for (Map.Entry<String, List<String>> w : where.entrySet()) {
                int[] from = null;
                int[] to = null;
                if (w.getKey().equals("hour")) {
                    try {
                        from = new int[w.getValue().size()];
                        to = new int[from.length];
                        for (int i = 0; i < from.length; i++) {
                            String[] p = w.getValue().get(i).split("-");
                            from[i] = Integer.parseInt(p[0].trim());
                            to[i] = p.length > 1 ? Integer.parseInt(p[1].trim()) : from[i];
                        }
                    } catch (NumberFormatException e) {
                        from = null; // parsed again, and failing, when tested
                        to = null;
                    }
                }
                out.add(new Condition(w.getKey(), w.getValue(), from, to));
            }
            return out.toArray(Condition[]::new);
        }

        boolean test(Contact c, boolean repeat) {
            return switch (key) {
                case "channel" -> allowed.contains(c.channel());
                case "emotion" -> allowed.contains(c.emotion());
                case "outcome" -> allowed.contains(c.outcome());
                case "topic" -> allowed.contains(c.topic());
                case "repeat" -> allowed.contains(Boolean.toString(repeat));
                case "hour" -> hourFrom == null ? inHourRanges(allowed, c.hour()) : inRanges(c.hour());
                default -> throw new IllegalArgumentException("unknown contact condition " + key);
            };
        }

        private boolean inRanges(int hour) {
            for (int i = 0; i < hourFrom.length; i++) {
                if (hour >= hourFrom[i] && hour <= hourTo[i]) {
                    return true;
                }
            }
            return false;
        }
    }

    private static boolean inHourRanges(List<String> ranges, int hour) {
        for (String range : ranges) {
            String[] p = range.split("-");
            int from = Integer.parseInt(p[0].trim());
            int to = p.length > 1 ? Integer.parseInt(p[1].trim()) : from;
            if (hour >= from && hour <= to) {
                return true;
            }
        }
        return false;
    }

    private static double field(String f, Contact c) {
        return switch (f) {
            case "talk_sec" -> c.talkSec() < 0 ? Double.NaN : c.talkSec();
            case "wait_sec" -> c.waitSec() < 0 ? Double.NaN : c.waitSec();
            case "survey" -> c.survey() == 0 ? Double.NaN : c.survey();
            case "emotion_score" -> c.emotionScore();
            case "hour" -> c.hour();
            default -> throw new IllegalArgumentException(f);
        };
    }

    private static double bills(FeatureRule r, List<BillFact> bills, long asOf) {
        int hits = 0;
        int n = 0;
        double sum = 0;
        boolean lateOnly = r.where().getOrDefault("late", List.of()).contains("true");
        for (BillFact b : bills) {
            if (!r.inWindow(b.issued(), asOf)) {
                continue;
            }
            n++;
            if (lateOnly && !b.lateAsOf(asOf)) {
                continue;
            }
            hits++;
            sum += b.amount();
        }
        return switch (r.agg()) {
            case "count" -> hits;
            case "share" -> n == 0 ? Double.NaN : (double) hits / n;
            case "sum" -> sum;
            case "mean" -> hits == 0 ? Double.NaN : sum / hits;
            default -> throw new IllegalArgumentException("agg " + r.agg() + " not valid for bills");
        };
    }

    private static double cases(FeatureRule r, List<CaseFact> cases, long asOf) {
        int hits = 0;
        long last = -1;
        boolean openOnly = r.where().getOrDefault("open", List.of()).contains("true");
        List<String> topics = r.where().get("topic");
        for (CaseFact c : cases) {
            if (!r.inWindow(c.opened(), asOf) || (openOnly && !c.openAsOf(asOf))
                    || (topics != null && !topics.contains(c.topic()))) {
                continue;
            }
            hits++;
            last = c.opened();
        }
        return switch (r.agg()) {
            case "count" -> hits;
            case "days_since_last" -> last < 0 ? Double.NaN : (asOf - last) / 86_400.0;
            default -> throw new IllegalArgumentException("agg " + r.agg() + " not valid for cases");
        };
    }

    private static double customer(FeatureRule r, CustomerHistory h, long asOf) {
        return switch (r.field()) {
            case "tenure_days" -> h.joined() < 0 || h.joined() > asOf ? Double.NaN : (asOf - h.joined()) / 86_400.0;
            case "lifetime_value" -> h.lifetimeValue() < 0 ? Double.NaN : h.lifetimeValue();
            case "tier_rank" -> switch (h.tier()) {
                case "platinum" -> 3;
                case "gold" -> 2;
                case "silver" -> 1;
                default -> 0;
            };
            default -> throw new IllegalArgumentException("unknown customer field " + r.field());
        };
    }

    private static double linkValue(FeatureRule r, LinkedHistory l) {
        return switch (r.field()) {
            case "escalation_chains" -> l.escalationChains();
            case "longest_chain" -> l.longestChain();
            case "negative_turns" -> l.negativeTurns();
            default -> throw new IllegalArgumentException("unknown link field " + r.field());
        };
    }

    private static double attribute(String v) {
        if (v == null) {
            return Double.NaN;
        }
        if (v.equalsIgnoreCase("true")) {
            return 1;
        }
        if (v.equalsIgnoreCase("false")) {
            return 0;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
