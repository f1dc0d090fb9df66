package com.callportrait.portrait.insights;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Association rules "customers with these attributes contact us about this reason": Apriori over
 * customer baskets, with antecedents of one or two attribute items ({@code plan:fibre-max},
 * {@code tier:gold}) and one contact reason ({@code outage}) as consequent. No rule-mining library
 * on Maven Central fits (SPMF is not published there; Smile is GPL), and with a handful of
 * attribute items per customer the two Apriori levels are a few counting loops.
 *
 * <p>Measures over {@code n} baskets: support = baskets with antecedent and reason / n;
 * confidence = that count / baskets with the antecedent; lift = confidence / (baskets with the
 * reason / n). A two-item rule is kept only when its lift beats both of its one-item parents' by
 * {@link Options#pairGain}, so it says something the single items do not. Stateless, thread-safe.
 */
public final class AssociationRules {
    /**
     * One customer in the mining window.
     *
     * @param items   attribute items, {@code name:value}
     * @param reasons contact reasons (topics) of the customer's contacts in the window; may be empty
     */
    public record Basket(Set<String> items, Set<String> reasons) {
        public Basket {
            items = Set.copyOf(items);
            reasons = Set.copyOf(reasons);
        }
    }

    /**
     * One rule. Immutable.
     *
     * @param antecedent attribute items, sorted
     * @param reason     the contact reason
     * @param count      baskets holding antecedent and reason
     * @param support    count / baskets
     * @param confidence count / baskets holding the antecedent
     * @param lift       confidence / base rate of the reason
     */
    public record Rule(List<String> antecedent, String reason, int count, double support, double confidence,
                       double lift) {
        public Rule {
            antecedent = List.copyOf(antecedent);
            Objects.requireNonNull(reason, "reason");
        }

        /** True when every antecedent item is among {@code items}. */
        public boolean matches(Collection<String> items) {
            return items.containsAll(antecedent);
        }

        @Override
        public String toString() {
            return String.join(" & ", antecedent) + " => " + reason;
        }
    }

    /**
     * Thresholds. Immutable.
     *
     * @param minSupport    minimum rule support (share of baskets)
     * @param minConfidence minimum confidence
     * @param minLift       minimum lift
     * @param pairGain      how much a two-item rule's lift must exceed its parents'
     * @param maxRules      rules kept, best lift first
     */
    public record Options(double minSupport, double minConfidence, double minLift, double pairGain, int maxRules) {
        public static final Options DEFAULT = new Options(0.01, 0.05, 1.2, 0.1, 200);

        public Options {
            if (minSupport <= 0 || minSupport >= 1) {
                throw new IllegalArgumentException("minSupport must be in (0, 1), was " + minSupport);
            }
            if (maxRules < 1) {
                throw new IllegalArgumentException("maxRules must be >= 1, was " + maxRules);
            }
        }
    }

    private AssociationRules() {
    }

    /** Mines the rules of the baskets, best lift first (ties: higher support, then name). */
    public static List<Rule> mine(List<Basket> baskets, Options o) {
        int n = baskets.size();
        if (n == 0) {
            return List.of();
        }
        double minCount = o.minSupport() * n;
        Map<String, Integer> itemCount = new HashMap<>();
        Map<String, Integer> reasonCount = new HashMap<>();
        for (Basket b : baskets) {
            b.items().forEach(i -> itemCount.merge(i, 1, Integer::sum));
            b.reasons().forEach(r -> reasonCount.merge(r, 1, Integer::sum));
        }
        // Apriori: only frequent items can be in a frequent antecedent
        Map<List<String>, Integer> antecedents = new HashMap<>();
        Map<List<String>, Map<String, Integer>> joint = new HashMap<>();
        for (Basket b : baskets) {
            List<String> frequent = new ArrayList<>(new TreeSet<>(b.items().stream()
                    .filter(i -> itemCount.get(i) >= minCount).toList()));
            for (int x = 0; x < frequent.size(); x++) {
                count(List.of(frequent.get(x)), b, antecedents, joint);
                for (int y = x + 1; y < frequent.size(); y++) {
                    count(List.of(frequent.get(x), frequent.get(y)), b, antecedents, joint);
                }
            }
        }
        Map<List<String>, Map<String, Double>> liftOf = new HashMap<>();
        List<Rule> rules = new ArrayList<>();
        for (int size = 1; size <= 2; size++) {
            for (Map.Entry<List<String>, Map<String, Integer>> e : joint.entrySet()) {
                List<String> a = e.getKey();
                int na = antecedents.get(a);
                if (a.size() != size || na < minCount) {
                    continue;
                }
                for (Map.Entry<String, Integer> r : e.getValue().entrySet()) {
                    int c = r.getValue();
                    double conf = (double) c / na;
                    double lift = conf / ((double) reasonCount.get(r.getKey()) / n);
                    liftOf.computeIfAbsent(a, k -> new HashMap<>()).put(r.getKey(), lift);
                    if (c < minCount || conf < o.minConfidence() || lift < o.minLift()) {
                        continue;
                    }
                    if (size == 2 && (lift < parentLift(liftOf, a.get(0), r.getKey()) + o.pairGain()
                            || lift < parentLift(liftOf, a.get(1), r.getKey()) + o.pairGain())) {
                        continue;
                    }
                    rules.add(new Rule(a, r.getKey(), c, (double) c / n, conf, lift));
                }
            }
        }
        rules.sort(Comparator.comparingDouble(Rule::lift).reversed().thenComparing(Comparator.comparingInt(Rule::count)
                .reversed()).thenComparing(Rule::toString));
        return List.copyOf(rules.subList(0, Math.min(o.maxRules(), rules.size())));
    }

    private static double parentLift(Map<List<String>, Map<String, Double>> liftOf, String item, String reason) {
        return liftOf.getOrDefault(List.of(item), Map.of()).getOrDefault(reason, 1.0);
    }

    private static void count(List<String> a, Basket b, Map<List<String>, Integer> antecedents,
                              Map<List<String>, Map<String, Integer>> joint) {
        antecedents.merge(a, 1, Integer::sum);
        Map<String, Integer> m = joint.computeIfAbsent(a, k -> new HashMap<>());
        for (String r : b.reasons()) {
            m.merge(r, 1, Integer::sum);
        }
    }

    /**
     * The baskets of a window: every customer {@code items} knows (also those without a contact,
     * so base rates are per customer), with the topics of their contacts in {@code [from, to)}.
     */
    public static List<Basket> baskets(ContactLog log, long from, long to, Map<String, Set<String>> items) {
        Map<String, Set<String>> reasons = new HashMap<>();
        for (int i = 0; i < log.size(); i++) {
            if (log.at(i) >= from && log.at(i) < to) {
                reasons.computeIfAbsent(log.customerId(log.customer(i)), k -> new TreeSet<>())
                        .add(log.topicNames().get(log.topic(i)));
            }
        }
        List<Basket> out = new ArrayList<>(items.size());
        new java.util.TreeMap<>(items).forEach((c, it) -> out.add(new Basket(it, reasons.getOrDefault(c, Set.of()))));
        return out;
    }

    /**
     * A customer's attribute items: {@code tier:}, and {@code plan:}, {@code credit:}, {@code business:}
     * from the enrichment attributes when present.
     */
    public static Set<String> itemsOf(String tier, Map<String, String> attributes) {
        Set<String> s = new TreeSet<>();
        if (tier != null && !tier.isBlank()) {
            s.add("tier:" + tier);
        }
        for (String[] k : new String[][] {{"plan", "plan"}, {"credit_band", "credit"}, {"business", "business"}}) {
            String v = attributes.get(k[0]);
            if (v != null && !v.isBlank()) {
                s.add(k[1] + ":" + v);
            }
        }
        return s;
    }
}
