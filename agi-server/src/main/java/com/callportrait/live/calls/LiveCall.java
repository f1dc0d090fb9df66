package com.callportrait.live.calls;

import com.callportrait.live.intent.IntentTracker;
import com.callportrait.profile.CustomerProfile;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The mutable state of one call. Not thread-safe on its own: {@link CallRegistry} only touches it
 * while holding the object's monitor, and hands out {@link CallSnapshot}s.
 */
final class LiveCall {
    static final int MAX_UTTERANCES = 200;
    static final int MAX_EMOTIONS = 100;
    static final int MAX_ACTIONS = 50;

    final String callId;
    String channel = "";
    String uniqueId = "";
    String linkedId = "";
    String phone = "";
    String callerName = "";
    Optional<CustomerProfile> profile = Optional.empty();
    String segment = "";
    boolean vip;
    CallState state = CallState.ROUTED;
    String queue = "";
    int position;
    int priority;
    String agent = "";
    final Instant started;
    Instant lastChange;
    Instant queuedAt;
    Instant connectedAt;
    /** The agent's leg, when it is tapped; null otherwise. */
    CallTalk talk;
    final Deque<Utterance> transcript = new ArrayDeque<>();
    final Deque<EmotionPoint> emotions = new ArrayDeque<>();
    final Deque<ActionRecord> actions = new ArrayDeque<>();
    final Set<String> firedRules = new HashSet<>();
    /** What the call is about, from its final utterances; null when intent tracking is off. */
    final IntentTracker intent;
    /** Priorities an action has been sent for (pending or done), so two rules never raise twice. */
    final java.util.TreeSet<Integer> priorityClaims = new java.util.TreeSet<>();
    long version;

    LiveCall(String callId, Instant now, IntentTracker intent) {
        this.callId = callId;
        this.started = now;
        this.lastChange = now;
        this.intent = intent;
    }

    /** Words of the caller's final transcript of utterance {@code number}, 0 when there is none (yet). */
    int words(int number) {
        for (java.util.Iterator<Utterance> it = transcript.descendingIterator(); it.hasNext(); ) {
            Utterance u = it.next();
            if (u.number() == number && u.isFinal() && u.speaker() == com.callportrait.speech.pipeline.Speaker.CALLER) {
                String t = u.text().strip();
                return t.isEmpty() ? 0 : t.split("\\s+").length;
            }
        }
        return 0;
    }

    void utterance(Utterance u) {
        // A partial is replaced by the next partial or by its final (of the same speaker: with both
        // legs tapped the other party's lines may come in between).
        for (java.util.Iterator<Utterance> it = transcript.descendingIterator(); it.hasNext(); ) {
            Utterance last = it.next();
            if (last.speaker() == u.speaker()) {
                if (last.number() == u.number() && !last.isFinal()) {
                    it.remove();
                }
                break;
            }
        }
        transcript.addLast(u);
        while (transcript.size() > MAX_UTTERANCES) {
            transcript.pollFirst();
        }
    }

    void emotion(EmotionPoint p) {
        emotions.addLast(p);
        while (emotions.size() > MAX_EMOTIONS) {
            emotions.pollFirst();
        }
    }

    void action(ActionRecord a) {
        actions.addLast(a);
        while (actions.size() > MAX_ACTIONS) {
            actions.pollFirst();
        }
    }

    CallSnapshot snapshot() {
        return new CallSnapshot(callId, channel, uniqueId, linkedId, phone, callerName, profile, segment, vip, state,
                queue, position, priority, agent, started, Optional.ofNullable(queuedAt),
                Optional.ofNullable(connectedAt), new ArrayList<>(transcript), List.copyOf(emotions),
                List.copyOf(actions), firedRules, intent == null ? Optional.empty() : intent.current(), version,
                Optional.ofNullable(talk));
    }
}
