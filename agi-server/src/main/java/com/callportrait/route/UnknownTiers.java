package com.callportrait.route;

import com.callportrait.profile.Tier;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns once per tier label that the routing rules do not name: such callers route on defaults,
 * which is right for a customer but worth one line to the operator, not one per call. Remembers at
 * most {@value #MAX_LABELS} labels (a CRM with more distinct tiers than that is not using tiers
 * as tiers); past that it says so once and stays quiet. Thread-safe; one per route script.
 */
final class UnknownTiers {
    static final int MAX_LABELS = 256;
    private static final Logger log = LoggerFactory.getLogger(UnknownTiers.class);

    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean full = new AtomicBoolean();

    /**
     * Logs a warning the first time {@code tier} is seen unknown to {@code rules}.
     *
     * @return true when this call logged
     */
    boolean check(RoutingRules rules, Tier tier) {
        if (rules.knowsTier(tier) || warned.contains(tier.label())) {
            return false;
        }
        if (warned.size() >= MAX_LABELS) {
            if (full.compareAndSet(false, true)) {
                log.warn("more than {} tier labels unknown to the routing rules; not warning about further ones",
                        MAX_LABELS);
            }
            return false;
        }
        if (!warned.add(tier.label())) {
            return false;
        }
        log.warn("tier '{}' is not named in the routing rules: its callers route on the default priority without"
                + " VIP; add a priority rule for it, or list it under default_tiers to silence this", tier.label());
        return true;
    }
}
