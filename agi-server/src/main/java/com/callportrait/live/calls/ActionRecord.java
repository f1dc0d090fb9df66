package com.callportrait.live.calls;

import java.time.Instant;
import java.util.Objects;

/**
 * An action the live policy took (or tried) for a call. Immutable and thread-safe.
 *
 * @param rule     the rule that fired
 * @param kind     raise_priority | redirect | alert
 * @param detail   what was sent, e.g. {@code priority=10}
 * @param outcome  sent | ok | failed: reason | rate_limited
 * @param at       when
 */
public record ActionRecord(String rule, String kind, String detail, String outcome, Instant at) {
    public ActionRecord {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
    }
}
