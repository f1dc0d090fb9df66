package com.callportrait.live;

import com.callportrait.live.calls.CallSnapshot;
import com.callportrait.live.calls.CallState;
import com.callportrait.live.calls.EmotionPoint;
import com.callportrait.profile.CustomerProfile;
import java.time.Instant;
import java.util.Collection;
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
 * @param evidence  the minimum evidence before what the caller said counts ({@link Evidence#DEFAULT}
 *                  when the file has no {@code evidence} block)
 * @param rules     rules in order; every matching rule acts once per call
 */
public record LiveRules(RateLimit rateLimit, Evidence evidence, List<Rule> rules) {
    public LiveRules {
        Objects.requireNonNull(rateLimit, "rate_limit");
        evidence = evidence == null ? Evidence.DEFAULT : evidence;
        rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
        if (rules.stream().map(Rule::name).distinct().count() != rules.size()) {
            throw new IllegalArgumentException("rule names must be unique");
        }
    }

    /**
     * Fails when a rule names an intent that is not a topic of {@code topics} (a typo would otherwise
     * be a rule that never fires).
     */
    public LiveRules checkIntents(Collection<String> topics) {
        for (Rule r : rules) {
            for (String i : r.when().intent()) {
                if (!topics.contains(i)) {
                    throw new IllegalArgumentException("rule " + r.name() + ": unknown intent '" + i
                            + "'; the topic taxonomy has " + topics);
                }
            }
        }
        return this;
    }

    /**
     * The minimum-evidence guard on what the caller said. A reading counts only when its utterance
     * has at least {@code minWords} words (a word or two recognised on line noise, "hello?", "what"
     * never act). A rule's speech conditions ({@code emotion}, {@code min_confidence},
     * {@code min_escalation}) then hold when the caller's last {@code minReadings} counted readings
     * all meet them, or when the last one meets them strongly: its confidence (for a label) and its
     * escalation (for {@code min_escalation}) at least {@code strongReading}; for a rule with
     * {@code min_escalation}, also when its utterance is at least {@code strongWords} words long. A
     * whole sentence such as "listen i want to speak to a manager" is an explicit request, not a
     * stray utterance: recognition errors may leave its escalation at 0.8 rather than 0.9, and the
     * caller should not have to say it twice to be heard.
     *
     * @param minWords      words an utterance needs for its reading to count
     * @param minReadings   consecutive counted readings that must agree
     * @param strongReading a single counted reading this sure is enough
     * @param strongWords   for {@code min_escalation} rules, a single counted reading of an utterance
     *                      this long that meets the rule is enough
     */
    public record Evidence(Integer minWords, Integer minReadings, Double strongReading, Integer strongWords) {
        public static final int DEFAULT_MIN_WORDS = 4;
        public static final int DEFAULT_MIN_READINGS = 2;
        public static final double DEFAULT_STRONG_READING = 0.85;
        public static final int DEFAULT_STRONG_WORDS = 8;
        /** The guard when a rules file gives none. */
        public static final Evidence DEFAULT = new Evidence(DEFAULT_MIN_WORDS, DEFAULT_MIN_READINGS,
                DEFAULT_STRONG_READING, DEFAULT_STRONG_WORDS);

        public Evidence {
            minWords = minWords == null ? DEFAULT_MIN_WORDS : minWords;
            minReadings = minReadings == null ? DEFAULT_MIN_READINGS : minReadings;
            strongReading = strongReading == null ? DEFAULT_STRONG_READING : strongReading;
            strongWords = strongWords == null ? DEFAULT_STRONG_WORDS : strongWords;
            if (minWords < 0 || minReadings < 1 || !(strongReading >= 0 && strongReading <= 1)
                    || strongWords < minWords) {
                throw new IllegalArgumentException("evidence needs min_words >= 0, min_readings >= 1,"
                        + " strong_reading in [0, 1] and strong_words >= min_words");
            }
        }

        /** The guard without {@code strong_words} (only a sure reading acts alone). */
        public Evidence(Integer minWords, Integer minReadings, Double strongReading) {
            this(minWords, minReadings, strongReading, Integer.MAX_VALUE);
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

        /** True when every condition given holds for the call now, under the default evidence guard. */
        public boolean matches(CallSnapshot c, Instant now) {
            return when.matches(c, now, Evidence.DEFAULT);
        }

        /** True when every condition given holds for the call now, under the evidence guard {@code guard}. */
        public boolean matches(CallSnapshot c, Instant now, Evidence guard) {
            return when.matches(c, now, guard);
        }

        /** True when the rule has conditions on what the caller said (emotion, confidence, escalation). */
        public boolean onSpeech() {
            return when.onSpeech();
        }
    }

    /**
     * Conditions; all given must hold (null = not checked). The speech conditions ({@code emotion},
     * {@code minConfidence}, {@code minEscalation}) are read under the file's {@link Evidence} guard,
     * and for {@code state: connected} only from what the caller said since an agent answered.
     *
     * @param state            waiting | connected | any
     * @param emotion          labels the caller's reading must have
     * @param minConfidence    the reading's confidence at least this
     * @param minEscalation    the reading's escalation (asks for a manager, threatens to leave or to
     *                         complain) at least this
     * @param escalating       the caller is getting worse (two negative readings, arousal not falling)
     * @param intent           topics the call's live intent must be one of
     * @param queue            queues the call must be in (by name)
     * @param vip              the call was routed as VIP
     * @param minComplaintRisk the profile's complaint risk at least this
     * @param minWaitSeconds   waited in the queue at least this long
     * @param agentSaid        the agent said at least one of these phrases (needs the agent's leg tapped)
     * @param agentNotSaid     the agent said none of these phrases (needs the agent's leg tapped: a call
     *                         whose agent is not heard never matches, rather than matching always)
     * @param minConnectedSeconds the agent has been on the call at least this long (give the agent time
     *                         to say a phrase before {@code agent_not_said} judges)
     */
    public record When(String state, List<String> emotion, Double minConfidence, Double minEscalation,
                       Boolean escalating, List<String> intent, List<String> queue, Boolean vip,
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
                    || minEscalation != null && !(minEscalation >= 0 && minEscalation <= 1)
                    || minComplaintRisk != null && !(minComplaintRisk >= 0 && minComplaintRisk <= 1)) {
                throw new IllegalArgumentException("min_confidence, min_escalation and min_complaint_risk must be"
                        + " in [0, 1]");
            }
            intent = intent == null ? List.of() : List.copyOf(intent);
            queue = queue == null ? List.of() : List.copyOf(queue);
            for (String i : intent) {
                if (!i.matches("[a-z0-9][a-z0-9_-]{0,40}")) {
                    throw new IllegalArgumentException("intent must name a topic (lower-case letters, digits, _ or -):"
                            + " " + i);
                }
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
            this(state, emotion, minConfidence, null, escalating, null, null, vip, minComplaintRisk, minWaitSeconds, null,
                    null, null);
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

        boolean onSpeech() {
            return !emotion.isEmpty() || minConfidence != null || minEscalation != null;
        }

        boolean matches(CallSnapshot c, Instant now, Evidence guard) {
            boolean waiting = c.state() == CallState.WAITING || c.state() == CallState.RINGING;
            if (state.equals("waiting") && !waiting || state.equals("connected") && c.state() != CallState.CONNECTED) {
                return false;
            }
            if (onSpeech() && trigger(c, guard).isEmpty()) {
                return false;
            }
            if (escalating != null && escalating(c, guard) != escalating) {
                return false;
            }
            if (!intent.isEmpty() && c.intent().map(i -> !intent.contains(i.topic())).orElse(true)) {
                return false;
            }
            if (!queue.isEmpty() && !queue.contains(c.queue())) {
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

        /**
         * The reading that satisfies the speech conditions under {@code guard}: the caller's last
         * counted reading (in this rule's state), when it meets them strongly or the counted readings
         * before it agree; empty when the evidence is not there (yet).
         */
        Optional<EmotionPoint> trigger(CallSnapshot c, Evidence guard) {
            Instant from = state.equals("connected") ? c.connectedAt().orElse(Instant.MAX) : Instant.MIN;
            List<EmotionPoint> counted = c.emotions().stream()
                    .filter(p -> p.words() >= guard.minWords() && !p.at().isBefore(from)).toList();
            if (counted.isEmpty()) {
                return Optional.empty();
            }
            EmotionPoint last = counted.get(counted.size() - 1);
            if (!meets(last, 0)) {
                return Optional.empty();
            }
            // A request to escalate is explicit and said once: a whole sentence of it is enough even
            // when recognition errors leave its escalation under strong_reading. A mood is inferred,
            // so a single reading of it must be sure.
            boolean wholeRequest = minEscalation != null && last.words() >= guard.strongWords();
            if (wholeRequest || meets(last, guard.strongReading())) {
                return Optional.of(last);
            }
            int n = guard.minReadings();
            if (counted.size() < n) {
                return Optional.empty();
            }
            return counted.subList(counted.size() - n, counted.size()).stream().allMatch(p -> meets(p, 0))
                    ? Optional.of(last) : Optional.empty();
        }

        /** The reading meets the speech conditions, each measure also at least {@code floor}. */
        private boolean meets(EmotionPoint p, double floor) {
            var r = p.reading();
            if (!emotion.isEmpty() && !emotion.contains(r.label().wireName())) {
                return false;
            }
            if ((!emotion.isEmpty() || minConfidence != null)
                    && r.confidence() < Math.max(floor, minConfidence == null ? 0 : minConfidence)) {
                return false;
            }
            return minEscalation == null || r.escalation() >= Math.max(floor, minEscalation);
        }

        /** {@link CallSnapshot#escalating()}, counting only when both readings have enough words. */
        private static boolean escalating(CallSnapshot c, Evidence guard) {
            List<EmotionPoint> e = c.emotions();
            return c.escalating() && e.size() >= 2 && e.get(e.size() - 1).words() >= guard.minWords()
                    && e.get(e.size() - 2).words() >= guard.minWords();
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
