package com.callportrait.portrait.tags;

import java.util.Optional;

/**
 * A source of "what this caller probably needs" for {@link NextBestAction}, consulted after the
 * case-specific rules and before the generic ones (association rules mined over all customers).
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ReasonHint {
    /** No hints. */
    ReasonHint NONE = f -> Optional.empty();

    Optional<String> hint(PortraitFacts facts);
}
