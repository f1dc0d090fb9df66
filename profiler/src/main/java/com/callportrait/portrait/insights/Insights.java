package com.callportrait.portrait.insights;

import com.callportrait.portrait.features.CustomerHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One refresh of every insight, as the report, {@code /api/insights} and routing read it: agent
 * groups over the last {@value #AGENT_WEEKS} weeks, association rules over the last
 * {@value #RULE_WEEKS} weeks, demand heat, the hourly forecast of calls for the next week and how
 * that forecast method did on the last week (against the naive last-week forecast). Immutable and
 * thread-safe.
 *
 * @param asOf           the time the windows end at
 * @param contacts       contacts in the log
 * @param groups         agent groups; empty with fewer than three agents of enough contacts
 * @param rules          association rules, best lift first
 * @param baskets        customers the rules were mined over
 * @param heat           demand heat
 * @param forecast       calls per hour for the week from {@code asOf}
 * @param lastWeekActual calls per hour of the week before {@code asOf}
 * @param lastWeekSeasonal the same method fitted a week earlier, against {@code lastWeekActual}
 * @param lastWeekNaive  the naive baseline (the week before that), against {@code lastWeekActual}
 */
public record Insights(Instant asOf, int contacts, Optional<AgentGroups.Grouping> groups,
                       List<AssociationRules.Rule> rules, int baskets, DemandHeat.Heat heat,
                       HourlyForecast.Forecast forecast, int[] lastWeekActual, HourlyForecast.Error lastWeekSeasonal,
                       HourlyForecast.Error lastWeekNaive) {
    public static final int AGENT_WEEKS = 8;
    public static final int RULE_WEEKS = 26;
    private static final long WEEK = 7 * 86_400L;
    /** Queue member penalty per group: Asterisk offers a call to the lowest penalty first. */
    public static final Map<String, Integer> PENALTY = Map.of("high", 0, "middle", 1, "low", 2);

    public Insights {
        rules = List.copyOf(rules);
    }

    /** Runs every algorithm over the log; {@code items} maps customer id to attribute items. */
    public static Insights compute(ContactLog log, Map<String, Set<String>> items, Instant asOf) {
        long t = asOf.getEpochSecond();
        Optional<AgentGroups.Grouping> groups = Optional.empty();
        List<AgentFeatures> agents = AgentFeatures.of(log, AgentFeatures.window(log, t - AGENT_WEEKS * WEEK, t),
                AgentGroups.DEFAULT_MIN_CONTACTS);
        if (agents.size() >= AgentGroups.K) {
            groups = Optional.of(AgentGroups.train(agents, AgentGroups.DEFAULT_SEED));
        }
        List<AssociationRules.Basket> baskets = AssociationRules.baskets(log, t - RULE_WEEKS * WEEK, t, items);
        List<AssociationRules.Rule> rules = AssociationRules.mine(baskets, AssociationRules.Options.DEFAULT);
        long start = t - Math.floorMod(t, 3600L);
        var calls = HourlyForecast.calls(log);
        HourlyForecast.Forecast next = HourlyForecast.fit(log, start, HourlyForecast.DEFAULT_WEEKS, calls);
        int[] actual = HourlyForecast.counts(log, start - WEEK, calls);
        HourlyForecast.Error seasonal = HourlyForecast.error(
                HourlyForecast.fit(log, start - WEEK, HourlyForecast.DEFAULT_WEEKS, calls).mean(), actual);
        HourlyForecast.Error naive = HourlyForecast.error(HourlyForecast.naive(log, start - WEEK, calls), actual);
        return new Insights(asOf, log.size(), groups, rules, baskets.size(), DemandHeat.of(log, t), next, actual,
                seasonal, naive);
    }

    /** Attribute items of every customer history ({@link AssociationRules#itemsOf}). */
    public static Map<String, Set<String>> items(Collection<CustomerHistory> histories) {
        Map<String, Set<String>> m = new java.util.HashMap<>();
        for (CustomerHistory h : histories) {
            synchronized (h) {
                m.put(h.customerId(), AssociationRules.itemsOf(h.tier(), h.attributes()));
            }
        }
        return m;
    }

    /** Agent name to queue penalty ({@link #PENALTY}); empty without groups. */
    public Map<String, Integer> penalties() {
        Map<String, Integer> m = new LinkedHashMap<>();
        groups.ifPresent(g -> g.groupOf().forEach((a, n) -> m.put(a, PENALTY.get(n))));
        return m;
    }

    /** A JSON-ready tree (maps, lists, numbers, strings) of everything; NaN becomes null. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("as_of", asOf.toString());
        m.put("contacts", contacts);
        groups.ifPresent(g -> {
            Map<String, Object> gm = new LinkedHashMap<>();
            gm.put("features", AgentFeatures.NAMES);
            gm.put("score", "mean of z x direction; direction +1 for fcr, survey, recovery; -1 for handling_sec,"
                    + " transfers, escalations");
            Map<String, Object> cs = new LinkedHashMap<>();
            for (String n : AgentGroups.NAMES) {
                cs.put(n, Map.of("centroid_z", num(g.centroids().get(n)), "score", num(g.scores().get(n)),
                        "penalty", PENALTY.get(n), "agents", g.members().get(n)));
            }
            gm.put("groups", cs);
            List<Object> as = new ArrayList<>();
            for (AgentFeatures a : g.agents()) {
                Map<String, Object> am = new LinkedHashMap<>();
                am.put("agent", a.agent());
                am.put("group", g.groupOf().get(a.agent()));
                am.put("contacts", a.contacts());
                double[] v = a.vector();
                for (int j = 0; j < v.length; j++) {
                    am.put(AgentFeatures.NAMES.get(j), num(v[j]));
                }
                as.add(am);
            }
            gm.put("agents", as);
            m.put("agent_groups", gm);
        });
        List<Object> rs = new ArrayList<>();
        for (AssociationRules.Rule r : rules) {
            rs.add(Map.of("if", r.antecedent(), "reason", r.reason(), "support", num(r.support()),
                    "confidence", num(r.confidence()), "lift", num(r.lift()), "customers", r.count()));
        }
        m.put("association_rules", Map.of("baskets", baskets, "rules", rs));
        List<Object> hv = new ArrayList<>();
        for (DemandHeat.TopicHeat h : heat.byVolume()) {
            Map<String, Object> hm = new LinkedHashMap<>();
            hm.put("topic", h.topic());
            hm.put("last_day", h.lastDay());
            hm.put("same_day_last_week", h.weekAgoDay());
            hm.put("last_7d", h.lastWeek());
            hm.put("previous_7d", h.prevWeek());
            hm.put("day_change", num(h.dayChange()));
            hm.put("week_change", num(h.weekChange()));
            hv.add(hm);
        }
        m.put("demand_heat", Map.of("by_volume", hv,
                "by_change", heat.byChange().stream().map(DemandHeat.TopicHeat::topic).toList()));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("start", Instant.ofEpochSecond(forecast.start()).toString());
        f.put("method", "hour-of-week mean of the last " + forecast.weeks() + " weeks, 80% band");
        f.put("calls_per_hour", num(forecast.mean()));
        f.put("low", num(forecast.low()));
        f.put("high", num(forecast.high()));
        f.put("last_week_mae", num(lastWeekSeasonal.mae()));
        f.put("last_week_mape", num(lastWeekSeasonal.mape()));
        f.put("last_week_naive_mae", num(lastWeekNaive.mae()));
        f.put("last_week_naive_mape", num(lastWeekNaive.mape()));
        m.put("forecast", f);
        return m;
    }

    private static Object num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : Math.round(v * 1000) / 1000.0;
    }

    private static List<Object> num(double[] v) {
        List<Object> l = new ArrayList<>(v.length);
        for (double x : v) {
            l.add(num(x));
        }
        return l;
    }
}
