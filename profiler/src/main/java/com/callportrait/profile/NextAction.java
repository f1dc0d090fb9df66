package com.callportrait.profile;

import java.util.Objects;

/**
 * A next-best action split into what to do and why, as the agent's screen shows it. The portrait
 * engine writes {@link CustomerProfile#nextBestAction()} as one line, the action followed by its
 * reason in brackets ({@code "Offer a payment plan [late_payments_365d=3]"}); this reads it back.
 * Immutable and thread-safe.
 *
 * @param action what the agent should do first, or empty
 * @param reason why (the rule and its inputs), or empty when the line carried none
 */
public record NextAction(String action, String reason) {
    public NextAction {
        action = action == null ? "" : action;
        reason = reason == null ? "" : reason;
    }

    /** The action and reason of an engine line; a line without a trailing {@code [...]} is all action. */
    public static NextAction parse(String line) {
        String s = Objects.requireNonNull(line, "line").strip();
        int open = s.lastIndexOf(" [");
        if (!s.endsWith("]") || open < 0) {
            return new NextAction(s, "");
        }
        return new NextAction(s.substring(0, open).strip(), s.substring(open + 2, s.length() - 1).strip());
    }

    /** Whether there is anything to do. */
    public boolean isEmpty() {
        return action.isEmpty();
    }
}
