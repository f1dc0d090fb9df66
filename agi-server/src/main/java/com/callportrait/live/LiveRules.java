package com.callportrait.live;

import com.callportrait.live.calls.CallSnapshot;
import com.callportrait.live.calls.CallState;
import com.callportrait.live.calls.EmotionPoint;
import com.callportrait.profile.CustomerProfile;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The live routing rules (YAML, see the bundled {@code live-rules.yaml}). Immutable; validated
 * in the constructors so a bad file is rejected as a whole.
 *
 * @param rateLimit how many actions may be sent
 * @param rules     rules in order; every matching rule acts once per call
 */
public record LiveRules(RateLimit rateLimit, List<Rule> rules) {
    public LiveRules {
        Objects.requireNonNull(rateLimit, "rate_limit");
        rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
        if (rules.stream().map(Rule::name).distinct().count() != rules.size()) {
            throw new IllegalArgumentException("rule names must be unique");
        }
    }

    /**
     * @param actionsPerSecond all calls together (token bucket, burst = one second's worth)
     * @param perCallMax       most actions for one call
     */
    public record RateLimit(double actionsPerSecond, int perCallMax) {
        public RateLimit {
            if (!(actionsPerSecond > 0) || perCallMax < 1) {
                throw new IllegalArgumentException("rate_limit needs actions_per_second > 0 and per_call_max >= 1");
            }
        }
    }

    /** One rule: a condition and one action. */
    public record Rule(String name, When when, Then then) {
        public Rule {
            Objects.requireNonNull(name, "name");
            if (!name.matches("[a-z0-9][a-z0-9_-]{0,40}")) {
                throw new IllegalArgumentException("rule name must be lower-case letters, digits, _ or -: " + name);
            }
            Objects.requireNonNull(when, "when of " + name);
            Objects.requireNonNull(then, "then of " + name);
        }

        /** True when every condition given holds for the call now. */
        public boolean matches(CallSnapshot c, Instant now) {
            return when.matches(c, now);
        }
    }

    /**
     * Conditions; all given must hold (null = not checked).
     *
     * @param state            waiting | connected | any
     * @param emotion          labels the newest emotion reading must have
     * @param minConfidence    the newest reading's confidence at least this
     * @param escalating       the caller is getting worse (two negative readings, arousal not falling)
     * @param vip              the call was routed as VIP
     * @param minComplaintRisk the profile's complaint risk at least this
     * @param minWaitSeconds   waited in the queue at least this long
     * @param agentSaid        the agent said at least one of these phrases (needs the agent's leg tapped)
     * @param agentNotSaid     the agent said none of these phrases (needs the agent's leg tapped: a call
     *                         whose agent is not heard never matches, rather than matching always)
     * @param minConnectedSeconds the agent has been on the call at least this long (give the agent time
     *                         to say a phrase before {@code agent_not_said} judges)
     */
    public record When(String state, List<String> emotion, Double minConfidence, Boolean escalating, Boolean vip,
                       Double minComplaintRisk, Integer minWaitSeconds, List<String> agentSaid,
                       List<String> agentNotSaid, Integer minConnectedSeconds) {
        private static final Set<String> STATES = Set.of("waiting", "connected", "any");
        private static final Set<String> LABELS = Set.of("angry", "frustrated", "neutral", "satisfied");

        public When {
            state = state == null ? "any" : state.toLowerCase(Locale.ROOT);
            if (!STATES.contains(state)) {
                throw new IllegalArgumentException("state must be waiting, connected or any, was " + state);
            }
            emotion = emotion == null ? List.of() : List.copyOf(emotion);
            for (String e : emotion) {
                if (!LABELS.contains(e)) {
                    throw new IllegalArgumentException("unknown emotion '" + e + "'; expected one of " + LABELS);
                }
            }
            if (minConfidence != null && !(minConfidence >= 0 && minConfidence <= 1)
                    || minComplaintRisk != null && !(minComplaintRisk >= 0 && minComplaintRisk <= 1)) {
                throw new IllegalArgumentException("min_confidence and min_complaint_risk must be in [0, 1]");
            }
            if (minWaitSeconds != null && minWaitSeconds < 0) {
                throw new IllegalArgumentException("min_wait_seconds must be >= 0");
            }
            agentSaid = phrases(agentSaid, "agent_said");
            agentNotSaid = phrases(agentNotSaid, "agent_not_said");
            if (minConnectedSeconds != null && minConnectedSeconds < 0) {
                throw new IllegalArgumentException("min_connected_seconds must be >= 0");
            }
        }

        /** The conditions on the caller and the queue only (no agent conditions). */
        public When(String state, List<String> emotion, Double minConfidence, Boolean escalating, Boolean vip,
                    Double minComplaintRisk, Integer minWaitSeconds) {
            this(state, emotion, minConfidence, escalating, vip, minComplaintRisk, minWaitSeconds, null, null, null);
        }

        private static List<String> phrases(List<String> given, String key) {
            List<String> p = given == null ? List.of() : List.copyOf(given);
            for (String phrase : p) {
                if (AgentPhrases.normalise(phrase).isEmpty()) {
                    throw new IllegalArgumentException(key + " has an empty phrase");
                }
            }
            return p;
        }

        boolean matches(CallSnapshot c, Instant now) {
            boolean waiting = c.state() == CallState.WAITING || c.state() == CallState.RINGING;
            if (state.equals("waiting") && !waiting || state.equals("connected") && c.state() != CallState.CONNECTED) {
                return false;
            }
            Optional<EmotionPoint> last = c.lastEmotion();
            if (!emotion.isEmpty() && (last.isEmpty() || !emotion.contains(last.get().reading().label().wireName()))) {
                return false;
            }
            if (minConfidence != null && (last.isEmpty() || last.get().reading().confidence() < minConfidence)) {
                return false;
            }
            if (escalating != null && c.escalating() != escalating) {
                return false;
            }
            if (vip != null && c.vip() != vip) {
                return false;
            }
            if (minComplaintRisk != null
                    && c.profile().map(CustomerProfile::complaintRisk).orElse(0.0) < minComplaintRisk) {
                return false;
            }
            if (minWaitSeconds != null && !(waiting && c.waitSeconds(now) >= minWaitSeconds)) {
                return false;
            }
            return agentMatches(c, now);
        }

        private boolean agentMatches(CallSnapshot c, Instant now) {
            if (minConnectedSeconds != null && AgentPhrases.connectedFor(c, now)
                    .map(d -> d.toSeconds() < minConnectedSeconds).orElse(true)) {
                return false;
            }
            if (agentSaid.isEmpty() && agentNotSaid.isEmpty()) {
                return true;
            }
            if (!c.agentTapped()) {
                return false; // the agent is not heard: nothing can be said about their words
            }
            return (agentSaid.isEmpty() || AgentPhrases.saidAny(c, agentSaid))
                    && (agentNotSaid.isEmpty() || !AgentPhrases.saidAny(c, agentNotSaid));
        }
    }

    /**
     * The action: exactly one of the three.
     *
     * @param raisePriority {@code QueueChangePriorityCaller} to this priority (Immediate: yes)
     * @param redirect      {@code Redirect} of the caller channel
     * @param alert         a message to the agent and the supervisor
     */
    public record Then(Integer raisePriority, Redirect redirect, String alert) {
        public Then {
            int n = (raisePriority == null ? 0 : 1) + (redirect == null ? 0 : 1) + (alert == null ? 0 : 1);
            if (n != 1) {
                throw new IllegalArgumentException("then: needs exactly one of raise_priority, redirect, alert");
            }
        }

        public String kind() {
            return raisePriority != null ? "raise_priority" : redirect != null ? "redirect" : "alert";
        }
    }

    /** Where a redirect goes. */
    public record Redirect(String context, String exten, Integer priority) {
        public Redirect {
            Objects.requireNonNull(context, "redirect.context");
            exten = exten == null ? "s" : exten;
            priority = priority == null ? 1 : priority;
            if (!context.matches("[A-Za-z0-9_.-]+") || !exten.matches("[A-Za-z0-9_.+*#-]+") || priority < 1) {
                throw new IllegalArgumentException("bad redirect target " + context + "," + exten + "," + priority);
            }
        }
    }
}
