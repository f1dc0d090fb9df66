package com.callportrait.live.calls;

import com.callportrait.live.intent.IntentTracker;
import com.callportrait.portrait.semantic.TopicClassifier;
import com.callportrait.speech.conversation.TalkFigures;
import com.callportrait.speech.emotion.EmotionReading;
import com.callportrait.speech.pipeline.Speaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every live call, by CP_UUID, with indexes by Uniqueid and channel name (AMI events name a
 * call by those). Changes are applied under the call's own monitor, so updates of different
 * calls never wait for each other; listeners are told after the monitor is released, with an
 * immutable snapshot.
 *
 * <p>Each call's final utterances also feed its live intent ({@link IntentTracker}, over the topic
 * taxonomy given at creation): when an utterance changes it, listeners hear
 * {@link CallChange#INTENT} right after that utterance's {@link CallChange#TRANSCRIPT}.
 *
 * <p>Thread-safe. A call is removed on {@link #ended}, or by {@link #expire} when nothing has
 * happened to it for the safety expiry (a missed Hangup must not leak memory).
 */
public final class CallRegistry implements SpeechUpdates {
    private static final Logger log = LoggerFactory.getLogger(CallRegistry.class);

    private final Clock clock;
    private final Duration expiry;
    private final Map<String, LiveCall> byId = new ConcurrentHashMap<>();
    private final Map<String, String> idByUniqueId = new ConcurrentHashMap<>();
    private final Map<String, String> idByChannel = new ConcurrentHashMap<>();
    private final List<CallListener> listeners = new CopyOnWriteArrayList<>();
    private final TopicClassifier topics;

    private CallRegistry(Clock clock, Duration expiry, TopicClassifier topics) {
        this.clock = clock;
        this.expiry = expiry;
        this.topics = topics;
    }

    /**
     * A registry that forgets calls idle for longer than {@code expiry} and tracks each call's intent
     * over the bundled topic taxonomy.
     */
    public static CallRegistry create(Clock clock, Duration expiry) {
        return new CallRegistry(clock, expiry, BundledTopics.INSTANCE);
    }

    /** As above over the taxonomy {@code topics} (the portrait engine's, {@code CP_PORTRAIT_TOPICS}). */
    public static CallRegistry create(Clock clock, Duration expiry, TopicClassifier topics) {
        return new CallRegistry(clock, expiry, java.util.Objects.requireNonNull(topics, "topics"));
    }

    /** The bundled taxonomy, loaded once on first use. */
    private static final class BundledTopics {
        static final TopicClassifier INSTANCE = TopicClassifier.load();
    }

    /** Every topic a live intent can take (the taxonomy's, its default last). */
    public List<String> topics() {
        return topics.topics();
    }

    public CallRegistry addListener(CallListener l) {
        listeners.add(l);
        return this;
    }

    public Clock clock() {
        return clock;
    }

    /** The route script decided: a call starts (or is completed, if AMI saw it first). */
    public void routed(RoutedCall r) {
        update(r.callId(), true, CallChange.ROUTED, v -> {
            LiveCall c = v.call();
            c.channel = r.channel();
            c.uniqueId = r.uniqueId();
            c.phone = r.phone();
            c.callerName = r.callerName();
            c.queue = r.queue();
            c.priority = r.priority();
            c.segment = r.segment();
            c.vip = r.vip();
            c.profile = r.profile();
        });
    }

    /** The call with this CP_UUID, if live. */
    public Optional<CallSnapshot> get(String callId) {
        LiveCall c = byId.get(callId);
        if (c == null) {
            return Optional.empty();
        }
        synchronized (c) {
            return Optional.of(c.snapshot());
        }
    }

    /** The CP_UUID of the call whose caller channel has this Uniqueid or channel name. */
    public Optional<String> findId(String uniqueId, String channel) {
        String id = uniqueId.isEmpty() ? null : idByUniqueId.get(uniqueId);
        if (id == null && !channel.isEmpty()) {
            id = idByChannel.get(channel);
        }
        return Optional.ofNullable(id);
    }

    /** Every live call, oldest first. */
    public List<CallSnapshot> all() {
        List<CallSnapshot> out = new ArrayList<>();
        for (LiveCall c : byId.values()) {
            synchronized (c) {
                out.add(c.snapshot());
            }
        }
        out.sort((a, b) -> a.started().compareTo(b.started()));
        return out;
    }

    /** Number of live calls. */
    public int size() {
        return byId.size();
    }

    /**
     * Applies {@code change} to a call and tells listeners. {@code create}: start the call if it
     * is unknown (otherwise an update for an unknown call is ignored: it already ended).
     * Returns false when the call is unknown and was not created.
     */
    public boolean update(String callId, boolean create, CallChange what, Consumer<LiveCallView> change) {
        Instant now = clock.instant();
        LiveCall c = create ? byId.computeIfAbsent(callId, id -> new LiveCall(id, now, IntentTracker.create(topics)))
                : byId.get(callId);
        if (c == null) {
            return false;
        }
        CallSnapshot snap;
        synchronized (c) {
            if (c.state == CallState.ENDED) {
                return false;
            }
            change.accept(new LiveCallView(c));
            c.lastChange = now;
            c.version++;
            index(c);
            snap = c.snapshot();
        }
        tell(snap, what);
        return true;
    }

    /**
     * As {@link #update} for a known call, but only when nothing has changed it since the snapshot
     * at {@code version} (a re-synchronisation must not overwrite what a newer event said).
     */
    public boolean updateIfUnchanged(String callId, long version, CallChange what, Consumer<LiveCallView> change) {
        LiveCall c = byId.get(callId);
        if (c == null) {
            return false;
        }
        Instant now = clock.instant();
        CallSnapshot snap;
        synchronized (c) {
            if (c.state == CallState.ENDED || c.version != version) {
                return false;
            }
            change.accept(new LiveCallView(c));
            c.lastChange = now;
            c.version++;
            index(c);
            snap = c.snapshot();
        }
        tell(snap, what);
        return true;
    }

    /** Transcript update from the speech pipeline (text already redacted): the caller's words. */
    @Override
    public void transcript(String callId, int utterance, boolean isFinal, String redactedText) {
        transcript(callId, utterance, isFinal, redactedText, Speaker.CALLER);
    }

    /**
     * Transcript update of one party (the agent's only when the agent's leg is tapped). A final
     * utterance of the caller also feeds the call's intent; listeners hear {@link CallChange#INTENT}
     * when it changed.
     */
    @Override
    public void transcript(String callId, int utterance, boolean isFinal, String redactedText, Speaker speaker) {
        boolean[] intentChanged = new boolean[1];
        boolean known = update(callId, false, CallChange.TRANSCRIPT, c -> {
            LiveCall call = c.call();
            call.utterance(new Utterance(utterance, redactedText, isFinal, clock.instant(), speaker));
            if (isFinal && speaker == Speaker.CALLER && call.intent != null) {
                intentChanged[0] = call.intent.add(utterance, redactedText).isPresent();
            }
        });
        if (known && intentChanged[0]) {
            LiveCall c = byId.get(callId);
            if (c != null) {
                CallSnapshot snap;
                synchronized (c) {
                    if (c.state == CallState.ENDED) {
                        return;
                    }
                    snap = c.snapshot();
                }
                tell(snap, CallChange.INTENT);
            }
        }
    }

    @Override
    public void agentLegStarted(String callId) {
        update(callId, false, CallChange.TALK, c -> {
            if (c.call().talk == null) {
                c.call().talk = CallTalk.started(clock.instant());
            }
        });
    }

    @Override
    public void talk(String callId, TalkFigures figures, boolean isFinal) {
        update(callId, false, CallChange.TALK, c -> {
            Instant now = clock.instant();
            CallTalk t = c.call().talk;
            c.call().talk = (t == null ? CallTalk.started(now) : t).with(figures, isFinal, now);
        });
    }

    /**
     * Emotion update from the speech pipeline (the caller's); the reading carries the word count of
     * its utterance's final transcript (delivered just before it), for the live rules' evidence guard.
     */
    @Override
    public void emotion(String callId, int utterance, EmotionReading reading) {
        update(callId, false, CallChange.EMOTION, c -> c.call().emotion(new EmotionPoint(Math.max(utterance, 0),
                reading, clock.instant(), c.call().words(utterance))));
    }

    /** Records an action taken (or refused) for the call. */
    public void action(String callId, ActionRecord a) {
        update(callId, false, CallChange.ACTION, c -> c.call().action(a));
    }

    /**
     * Marks {@code rule} as fired for the call, atomically; false if it had fired already (this
     * is what makes live actions idempotent, across AMI reconnects too: it lives with the call,
     * not the connection).
     */
    public boolean markFired(String callId, String rule) {
        LiveCall c = byId.get(callId);
        if (c == null) {
            return false;
        }
        synchronized (c) {
            return c.state != CallState.ENDED && c.firedRules.add(rule);
        }
    }

    /**
     * Claims a queue priority change to {@code priority} for the call, atomically: false when the call
     * already has, or has an action pending for, this priority or a higher one (two rules that both
     * match an upset caller must not raise the priority twice).
     */
    public boolean claimPriority(String callId, int priority) {
        LiveCall c = byId.get(callId);
        if (c == null) {
            return false;
        }
        synchronized (c) {
            if (c.state == CallState.ENDED || c.priority >= priority
                    || !c.priorityClaims.isEmpty() && c.priorityClaims.last() >= priority) {
                return false;
            }
            return c.priorityClaims.add(priority);
        }
    }

    /** Undoes {@link #claimPriority} when the change was not made (AMI down, refused, failed). */
    public void releasePriority(String callId, int priority) {
        LiveCall c = byId.get(callId);
        if (c != null) {
            synchronized (c) {
                c.priorityClaims.remove(priority);
            }
        }
    }

    /** Undoes {@link #markFired} when the action was never sent (AMI down), so it can be retried. */
    public void unmarkFired(String callId, String rule) {
        LiveCall c = byId.get(callId);
        if (c != null) {
            synchronized (c) {
                c.firedRules.remove(rule);
            }
        }
    }

    /** The call ended (Hangup of its caller channel): removed, listeners get a last snapshot. */
    public void ended(String callId, String reason) {
        LiveCall c = byId.remove(callId);
        if (c == null) {
            return;
        }
        CallSnapshot snap;
        synchronized (c) {
            c.state = CallState.ENDED;
            c.version++;
            idByUniqueId.remove(c.uniqueId, callId);
            idByChannel.remove(c.channel, callId);
            snap = c.snapshot();
        }
        log.debug("call {} ended: {}", callId, reason);
        tell(snap, CallChange.ENDED);
    }

    /** Ends calls idle for longer than the expiry; returns how many. Run it periodically. */
    public int expire() {
        Instant limit = clock.instant().minus(expiry);
        int n = 0;
        for (LiveCall c : List.copyOf(byId.values())) {
            boolean stale;
            synchronized (c) {
                stale = c.lastChange.isBefore(limit);
            }
            if (stale) {
                ended(c.callId, "expired (no event for " + expiry + ")");
                n++;
            }
        }
        if (n > 0) {
            log.warn("expired {} calls with no event for {} (missed Hangup?)", n, expiry);
        }
        return n;
    }

    private void index(LiveCall c) {
        if (!c.uniqueId.isEmpty()) {
            idByUniqueId.put(c.uniqueId, c.callId);
        }
        if (!c.channel.isEmpty()) {
            idByChannel.put(c.channel, c.callId);
        }
    }

    /** Size of the lookup indexes (tests check nothing leaks). */
    int indexSize() {
        return idByUniqueId.size() + idByChannel.size();
    }

    private void tell(CallSnapshot snap, CallChange what) {
        for (CallListener l : listeners) {
            try {
                l.onChange(snap, what);
            } catch (RuntimeException e) {
                log.warn("call listener failed on {} {}: {}", what, snap.callId(), e.toString(), e);
            }
        }
    }
}
