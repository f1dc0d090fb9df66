package com.callportrait.route;

import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.Tier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The operator's routing rules, validated when built (see {@code routing-rules.yaml} for the file
 * form). Immutable and thread-safe; {@link #decide} is a pure function of the profile.
 *
 * <p>Queue: open complaint or high complaint risk → {@code experienced.queue}; else the last
 * topic's skill queue; else the language's queue; else {@code defaults.queue}. Priority and VIP:
 * the first matching {@code priority} rule (plus {@code experienced.priority_boost}). Greeting:
 * the language's greeting, else the VIP greeting, else the known-caller greeting.
 *
 * <p>Tiers are the operator's labels ({@link Tier}): a priority rule may name any label. A caller
 * whose tier no priority rule names and {@code default_tiers} does not list is still routed, on
 * the default priority and without VIP (value rules, topic and language still apply);
 * {@link #knowsTier} lets the caller of {@link #decide} warn about such a label.
 *
 * @param defaults      unknown callers and degraded routing
 * @param priority      tier/value rules, first match wins
 * @param experienced   where complaining or at-risk customers go
 * @param topics        last topic → skill queue
 * @param languages     language tag → queue and/or greeting
 * @param knownGreeting greeting of a recognised caller
 * @param vipGreeting   greeting of a VIP
 * @param defaultTiers  tier labels that route on defaults on purpose (e.g. {@code standard}), so
 *                      they are known without a priority rule of their own
 */
public record RoutingRules(Defaults defaults, List<PriorityRule> priority, Experienced experienced,
                           Map<String, String> topics, Map<String, LanguageRoute> languages,
                           String knownGreeting, String vipGreeting, List<String> defaultTiers) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final int MAX_PRIORITY = 1000;

    public RoutingRules {
        Objects.requireNonNull(defaults, "defaults is required");
        priority = List.copyOf(priority == null ? List.of() : priority);
        experienced = experienced == null ? new Experienced(null, null, null, null) : experienced;
        topics = Map.copyOf(topics == null ? Map.of() : topics);
        languages = Map.copyOf(languages == null ? Map.of() : languages);
        knownGreeting = knownGreeting == null ? defaults.greeting() : name("known_greeting", knownGreeting);
        vipGreeting = vipGreeting == null ? knownGreeting : name("vip_greeting", vipGreeting);
        var seen = new HashSet<String>();
        for (PriorityRule r : priority) {
            if (!seen.add(r.name())) {
                throw new IllegalArgumentException("priority rule name used twice: " + r.name());
            }
        }
        topics.forEach((t, q) -> name("topics." + t, q));
        defaultTiers = (defaultTiers == null ? List.<String>of() : defaultTiers).stream()
                .map(t -> label("default_tiers", t)).distinct().toList();
    }

    /**
     * Whether a priority rule names {@code tier} or {@code default_tiers} lists it. A tier that is
     * not known still routes (on defaults); this only tells whether the operator mentioned it.
     */
    public boolean knowsTier(Tier tier) {
        String label = tier.label();
        if (defaultTiers.contains(label)) {
            return true;
        }
        for (PriorityRule r : priority) {
            if (label.equals(r.tier())) {
                return true;
            }
        }
        return false;
    }

    /** Routing for a caller: a known profile, or empty for an unknown caller. */
    public RoutingDecision decide(Optional<CustomerProfile> profile) {
        if (profile.isEmpty()) {
            return new RoutingDecision(defaults.queue(), defaults.priority(), "unknown", false, defaults.language(),
                    defaults.greeting(), false, "", "unknown-caller");
        }
        CustomerProfile p = profile.get();
        List<String> fired = new ArrayList<>();
        int prio = defaults.priority();
        boolean vip = false;
        for (PriorityRule r : priority) {
            if (r.matches(p)) {
                prio = r.priority();
                vip = r.vip();
                fired.add("priority:" + r.name());
                break;
            }
        }
        LanguageRoute lang = languages.get(p.language());
        String queue = null;
        if (experienced.applies(p)) {
            queue = experienced.queue();
            prio = Math.min(MAX_PRIORITY, prio + experienced.priorityBoost());
            fired.add("experienced");
        } else if (p.lastTopic().map(topics::containsKey).orElse(false)) {
            queue = topics.get(p.lastTopic().get());
            fired.add("topic:" + p.lastTopic().get());
        } else if (lang != null && lang.queue() != null) {
            queue = lang.queue();
            fired.add("language:" + p.language());
        }
        String greeting = lang != null && lang.greeting() != null ? lang.greeting() : vip ? vipGreeting : knownGreeting;
        return new RoutingDecision(queue == null ? defaults.queue() : queue, prio, p.segment(), vip, p.language(),
                greeting, false, p.customerId(), fired.isEmpty() ? "known-caller" : String.join(",", fired));
    }

    /** Default routing because the profile could not be read (Redis slow or down). */
    public RoutingDecision degraded() {
        return new RoutingDecision(defaults.queue(), defaults.priority(), "unknown", false, defaults.language(),
                defaults.greeting(), true, "", "degraded");
    }

    static String name(String field, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be 1-64 of A-Z a-z 0-9 _ . -, got '" + value + "'");
        }
        return value;
    }

    /** The canonical form of a tier label written in the rules ({@link Tier}). */
    static String label(String field, String value) {
        try {
            return Tier.parse(value).label();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }

    static int checkPriority(String field, Integer value, int def) {
        int v = value == null ? def : value;
        if (v < 0 || v > MAX_PRIORITY) {
            throw new IllegalArgumentException(field + " must be in [0, " + MAX_PRIORITY + "], got " + v);
        }
        return v;
    }

    /** Routing of unknown callers and of degraded calls. */
    public record Defaults(String queue, Integer priority, String language, String greeting) {
        public Defaults {
            queue = name("defaults.queue", queue);
            priority = checkPriority("defaults.priority", priority, 0);
            language = name("defaults.language", language == null ? "en" : language);
            greeting = name("defaults.greeting", greeting == null ? "welcome" : greeting);
        }
    }

    /**
     * {@code tier} and/or value and loyalty conditions (all given ones must hold) → priority and VIP
     * flag. The tier is any label, compared in its canonical form ({@code VIP} = {@code vip}). The
     * scores are the portrait engine's ({@link CustomerProfile#valueScore()},
     * {@link CustomerProfile#loyaltyScore()}); a score the portrait does not have yet (no model
     * trained, {@link CustomerProfile#has}) never satisfies a condition on it, so such a rule simply
     * does not fire: routing stays on the next rule or the defaults.
     *
     * @param minLoyaltyScore {@code min_loyalty_score}: loyalty at least this, in [0, 1]
     * @param maxLoyaltyScore {@code max_loyalty_score}: loyalty at most this, in [0, 1] (customers
     *                        about to leave, e.g. to a retention queue's priority)
     * @param minChurnRisk    {@code min_churn_risk}: the learned churn risk
     *                        ({@link CustomerProfile#churnRisk()}) at least this, in [0, 1]; never
     *                        matches a portrait without a churn model
     */
    public record PriorityRule(String name, String tier, Double minLifetimeValue, Double minValueScore,
                               Integer priority, Boolean vip, Double minLoyaltyScore, Double maxLoyaltyScore,
                               Double minChurnRisk) {
        public PriorityRule {
            name = RoutingRules.name("priority rule name", name);
            tier = tier == null ? null : label("priority rule '" + name + "' tier", tier);
            if (tier == null && minLifetimeValue == null && minValueScore == null && minLoyaltyScore == null
                    && maxLoyaltyScore == null && minChurnRisk == null) {
                throw new IllegalArgumentException("priority rule '" + name + "' needs a condition: tier,"
                        + " min_lifetime_value, min_value_score, min_loyalty_score, max_loyalty_score or"
                        + " min_churn_risk");
            }
            unit(name, "min_churn_risk", minChurnRisk);
            if (minLifetimeValue != null && !(minLifetimeValue >= 0)) {
                throw new IllegalArgumentException("priority rule '" + name + "': min_lifetime_value must be >= 0");
            }
            if (minValueScore != null && !(minValueScore >= 0 && minValueScore <= 1)) {
                throw new IllegalArgumentException("priority rule '" + name + "': min_value_score must be in [0, 1]");
            }
            unit(name, "min_loyalty_score", minLoyaltyScore);
            unit(name, "max_loyalty_score", maxLoyaltyScore);
            if (minLoyaltyScore != null && maxLoyaltyScore != null && minLoyaltyScore > maxLoyaltyScore) {
                throw new IllegalArgumentException("priority rule '" + name
                        + "': min_loyalty_score is above max_loyalty_score, so it can never match");
            }
            if (priority == null) {
                throw new IllegalArgumentException("priority rule '" + name + "' needs a priority");
            }
            priority = checkPriority("priority rule '" + name + "' priority", priority, 0);
            vip = vip != null && vip;
        }

        boolean matches(CustomerProfile p) {
            return (tier == null || tier.equals(p.tier().label()))
                    && (minLifetimeValue == null || p.lifetimeValue() >= minLifetimeValue)
                    && (minValueScore == null || p.has(CustomerProfile.VALUE_SCORE) && p.valueScore() >= minValueScore)
                    && (minLoyaltyScore == null || p.loyaltyScore() >= minLoyaltyScore)
                    && (maxLoyaltyScore == null || p.loyaltyScore() <= maxLoyaltyScore)
                    && (minChurnRisk == null || p.has(CustomerProfile.CHURN_RISK) && p.churnRisk() >= minChurnRisk);
        }

        /** As the canonical constructor without loyalty conditions. */
        public PriorityRule(String name, String tier, Double minLifetimeValue, Double minValueScore, Integer priority,
                            Boolean vip) {
            this(name, tier, minLifetimeValue, minValueScore, priority, vip, null, null, null);
        }

        /** As the canonical constructor without a churn condition. */
        public PriorityRule(String name, String tier, Double minLifetimeValue, Double minValueScore, Integer priority,
                            Boolean vip, Double minLoyaltyScore, Double maxLoyaltyScore) {
            this(name, tier, minLifetimeValue, minValueScore, priority, vip, minLoyaltyScore, maxLoyaltyScore, null);
        }

        private static void unit(String rule, String field, Double v) {
            if (v != null && !(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("priority rule '" + rule + "': " + field + " must be in [0, 1]");
            }
        }
    }

    /** Customers with open complaints or a high complaint risk go to experienced agents. */
    public record Experienced(String queue, Integer minOpenComplaints, Double minComplaintRisk, Integer priorityBoost) {
        public Experienced {
            queue = queue == null ? null : name("experienced.queue", queue);
            if (queue == null && (minOpenComplaints != null || minComplaintRisk != null)) {
                throw new IllegalArgumentException("experienced needs a queue when it has conditions");
            }
            if (minOpenComplaints != null && minOpenComplaints < 1) {
                throw new IllegalArgumentException("experienced.min_open_complaints must be >= 1");
            }
            if (minComplaintRisk != null && !(minComplaintRisk >= 0 && minComplaintRisk <= 1)) {
                throw new IllegalArgumentException("experienced.min_complaint_risk must be in [0, 1]");
            }
            priorityBoost = checkPriority("experienced.priority_boost", priorityBoost, 0);
        }

        boolean applies(CustomerProfile p) {
            return queue != null && (minOpenComplaints != null && p.openComplaints() >= minOpenComplaints
                    || minComplaintRisk != null && p.has(CustomerProfile.COMPLAINT_RISK)
                    && p.complaintRisk() >= minComplaintRisk);
        }
    }

    /** A language's own queue and/or greeting (either may be absent). */
    public record LanguageRoute(String queue, String greeting) {
        public LanguageRoute {
            queue = queue == null ? null : name("languages.queue", queue);
            greeting = greeting == null ? null : name("languages.greeting", greeting);
        }
    }

    /** For logs: a short description. */
    String summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("priorityRules", priority.size());
        m.put("topics", topics.size());
        m.put("languages", languages.size());
        return m.toString();
    }
}
