package com.callportrait.live.calls;

import com.callportrait.live.intent.CallIntent;
import com.callportrait.profile.CustomerProfile;
import com.callportrait.speech.emotion.EmotionLabel;
import com.callportrait.speech.pipeline.Speaker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable picture of one live call at one moment.
 *
 * @param callId      CP_UUID (or {@code ami-<Uniqueid>} for a call seen only on AMI)
 * @param channel     the caller's channel name
 * @param uniqueId    the caller channel's Uniqueid
 * @param linkedId    Linkedid (ties the call's channels together)
 * @param phone       normalised caller number
 * @param callerName  caller id name
 * @param profile     the portrait, if known
 * @param segment     segment routed on
 * @param vip         VIP flag
 * @param state       where the call stands
 * @param queue       current queue ({@code ""} before routing)
 * @param position    position in the queue (0 when not waiting)
 * @param priority    current queue priority
 * @param agent       the agent id (mapped from MemberName/Interface), {@code ""} before
 * @param started     when the call was first seen
 * @param queuedAt    when it joined the queue, if it did
 * @param connectedAt when an agent answered, if one did
 * @param transcript  redacted utterances, oldest first (bounded)
 * @param emotions    emotion readings, oldest first (bounded)
 * @param actions     actions taken, oldest first
 * @param firedRules  rules that already acted (idempotency)
 * @param intent      what the call is about so far, from the caller's words, if known
 * @param version     increases with every change
 * @param talk        the agent's leg and its talk-over and silence, when the agent's leg is tapped
 */
public record CallSnapshot(String callId, String channel, String uniqueId, String linkedId, String phone,
                           String callerName, Optional<CustomerProfile> profile, String segment, boolean vip,
                           CallState state, String queue, int position, int priority, String agent,
                           Instant started, Optional<Instant> queuedAt, Optional<Instant> connectedAt,
                           List<Utterance> transcript, List<EmotionPoint> emotions, List<ActionRecord> actions,
                           Set<String> firedRules, Optional<CallIntent> intent, long version,
                           Optional<CallTalk> talk) {
    public CallSnapshot {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(started, "started");
        transcript = List.copyOf(transcript);
        emotions = List.copyOf(emotions);
        actions = List.copyOf(actions);
        firedRules = Set.copyOf(firedRules);
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(talk, "talk");
    }

    /** A call whose agent leg is not tapped and whose intent is not known. */
    public CallSnapshot(String callId, String channel, String uniqueId, String linkedId, String phone,
                        String callerName, Optional<CustomerProfile> profile, String segment, boolean vip,
                        CallState state, String queue, int position, int priority, String agent,
                        Instant started, Optional<Instant> queuedAt, Optional<Instant> connectedAt,
                        List<Utterance> transcript, List<EmotionPoint> emotions, List<ActionRecord> actions,
                        Set<String> firedRules, long version) {
        this(callId, channel, uniqueId, linkedId, phone, callerName, profile, segment, vip, state, queue, position,
                priority, agent, started, queuedAt, connectedAt, transcript, emotions, actions, firedRules,
                Optional.empty(), version, Optional.empty());
    }

    /** The highest escalation of any reading so far (a request to escalate stays said), 0 before any. */
    public double escalation() {
        return emotions.stream().mapToDouble(p -> p.reading().escalation()).max().orElse(0);
    }

    /** True when the agent's leg is transcribed too (its words are in the transcript). */
    public boolean agentTapped() {
        return talk.isPresent();
    }

    /** The agent's final utterances, oldest first (empty when the agent's leg is not tapped). */
    public List<Utterance> agentWords() {
        return transcript.stream().filter(u -> u.isFinal() && u.speaker() == Speaker.AGENT).toList();
    }

    /** Seconds waited in the queue so far (0 when not queued; frozen when connected). */
    public long waitSeconds(Instant now) {
        if (queuedAt.isEmpty()) {
            return 0;
        }
        Instant end = connectedAt.orElse(state == CallState.WAITING || state == CallState.RINGING ? now : queuedAt.get());
        return Math.max(0, Duration.between(queuedAt.get(), end).toSeconds());
    }

    /** The newest emotion reading, if any. */
    public Optional<EmotionPoint> lastEmotion() {
        return emotions.isEmpty() ? Optional.empty() : Optional.of(emotions.get(emotions.size() - 1));
    }

    /**
     * True when the caller is getting worse: the last two readings are angry or frustrated and
     * arousal did not fall, or the last one is angry after a calmer one.
     */
    public boolean escalating() {
        int n = emotions.size();
        if (n < 2) {
            return false;
        }
        EmotionPoint a = emotions.get(n - 2);
        EmotionPoint b = emotions.get(n - 1);
        boolean negA = negative(a.reading().label());
        boolean negB = negative(b.reading().label());
        return negA && negB && b.reading().arousal() >= a.reading().arousal()
                || !negA && b.reading().label() == EmotionLabel.ANGRY;
    }

    private static boolean negative(EmotionLabel l) {
        return l == EmotionLabel.ANGRY || l == EmotionLabel.FRUSTRATED;
    }
}
