package com.callportrait.screenpop;

import com.callportrait.live.calls.CallRegistry;
import com.callportrait.live.calls.CallSnapshot;
import com.callportrait.events.CallEvent;
import com.callportrait.events.EventWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Turns the agent's disposition and the caller's survey score into {@code type=feedback} events
 * on {@code cp:events} (the portrait side reads them from there). Thread-safe.
 */
public final class FeedbackRecorder {
    /** Dispositions an agent can pick. */
    public static final Set<String> OUTCOMES = Set.of("resolved", "follow_up", "escalated", "unresolved");

    private final EventWriter events;
    private final CallRegistry calls;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /**
     * Told of every accepted survey score and disposition, on the caller's thread (AGI session,
     * WebSocket event loop): must be quick and non-blocking. {@code outcome} is the agent's
     * disposition word, {@code survey} 1-5; one of them is {@code null}.
     */
    public interface Listener {
        void feedback(String callId, Optional<CallSnapshot> call, String phone, Integer survey, String outcome);

        /**
         * As above with the agent's note on how the call was solved, already redacted and cut to
         * one line ({@code null} for none or for a survey score); by default the note is not used.
         */
        default void feedback(String callId, Optional<CallSnapshot> call, String phone, Integer survey, String outcome,
                              String note) {
            feedback(callId, call, phone, survey, outcome);
        }
    }

    /** Adds a listener (the portrait's feedback path). */
    public FeedbackRecorder addListener(Listener l) {
        listeners.add(l);
        return this;
    }

    private void tell(String callId, Optional<CallSnapshot> call, String phone, Integer survey, String outcome,
                      String note) {
        for (Listener l : listeners) {
            try {
                l.feedback(callId, call, phone, survey, outcome, note);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(FeedbackRecorder.class)
                        .warn("feedback listener failed on {}: {}", callId, e.toString(), e);
            }
        }
    }

    private FeedbackRecorder(EventWriter events, CallRegistry calls) {
        this.events = events;
        this.calls = calls;
    }

    private static final com.callportrait.speech.redact.Redactor REDACTOR =
            com.callportrait.speech.redact.Redactors.standard();

    public static FeedbackRecorder create(EventWriter events, CallRegistry calls) {
        return new FeedbackRecorder(events, calls);
    }

    /**
     * The agent's disposition of a call. {@code snapshot} is the call as last known (it may have
     * ended already). Returns false (and records nothing) for an unknown outcome.
     */
    public boolean disposition(String agent, String callId, Optional<CallSnapshot> snapshot, String outcome,
                               String note) {
        if (!OUTCOMES.contains(outcome)) {
            return false;
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put("source", "agent");
        f.put("agent", agent);
        f.put("outcome", outcome);
        // The note is free text typed by the agent: keep it short, on one line, and redacted like a
        // transcript (agents paste card numbers and e-mail addresses into notes).
        String n = note == null ? "" : REDACTOR.redact(note.replaceAll("[\\r\\n\\t]+", " ").strip());
        n = n.length() > 500 ? n.substring(0, 500) : n;
        f.put("note", n);
        snapshot.flatMap(CallSnapshot::profile).ifPresent(p -> f.put("customer", p.customerId()));
        events.offer(new CallEvent("feedback", callId, snapshot.map(CallSnapshot::uniqueId).orElse(""),
                snapshot.map(CallSnapshot::phone).orElse(""), Instant.now(calls.clock()), f));
        tell(callId, snapshot, snapshot.map(CallSnapshot::phone).orElse(""), null, outcome, n.isEmpty() ? null : n);
        return true;
    }

    /** The caller's post-call survey score (1-5). */
    public void survey(String callId, String uniqueId, String phone, int score) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("source", "survey");
        f.put("score", Integer.toString(score));
        Optional<CallSnapshot> call = calls.get(callId);
        call.flatMap(CallSnapshot::profile).ifPresent(p -> f.put("customer", p.customerId()));
        events.offer(new CallEvent("feedback", callId, uniqueId, phone, Instant.now(calls.clock()), f));
        tell(callId, call, phone, score, null, null);
    }
}
