package com.callportrait.portrait.insights;

import com.callportrait.portrait.tags.PortraitFacts;
import com.callportrait.portrait.tags.ReasonHint;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Association rules as a next-best-action source: the strongest rule whose antecedent the portrait
 * satisfies (its tier, and its segment as a {@code segment:} item) suggests what the caller is
 * likely to need. Immutable and thread-safe.
 */
public final class RuleHints implements ReasonHint {
    /** Rules weaker than this are not worth an agent's attention. */
    public static final double MIN_LIFT = 1.5;
    private final List<AssociationRules.Rule> rules;

    public RuleHints(List<AssociationRules.Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public Optional<String> hint(PortraitFacts f) {
        Set<String> items = f.segment() == null ? Set.of("tier:" + f.tier())
                : Set.of("tier:" + f.tier(), "segment:" + f.segment());
        return rules.stream().filter(r -> r.lift() >= MIN_LIFT && r.matches(items)).findFirst()
                .map(r -> String.format(java.util.Locale.ROOT,
                        "Check for a %s need before closing [rule %s: %.1fx the usual rate, %.0f%% of such customers]",
                        r.reason().replace('_', ' '), String.join(" & ", r.antecedent()), r.lift(),
                        100 * r.confidence()));
    }
}
