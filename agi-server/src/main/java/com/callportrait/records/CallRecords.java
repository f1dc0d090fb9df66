package com.callportrait.records;

import com.callportrait.live.calls.CallSnapshot;
import com.callportrait.live.intent.CallIntent;
import com.callportrait.live.calls.EmotionPoint;
import com.callportrait.live.calls.Utterance;
import com.callportrait.profile.CustomerProfile;
import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.portrait.collect.TalkTime;
import com.callportrait.speech.emotion.EmotionLabel;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * Builds the one interaction record of an ended live call from what the call state knows. Pure and
 * stateless.
 */
public final class CallRecords {
    /** Transcripts are stored bounded, like the call state's own transcript. */
    static final int MAX_TRANSCRIPT = 8_000;

    private CallRecords() {
    }

    /**
     * The record's topic is the call's live intent (what the caller said the call is about), else
     * none and the engine classifies the transcript itself.
     *
     * @param call    the last snapshot of the call (on {@code ENDED})
     * @param ended   when it ended
     * @param survey  survey score known before the hangup, or {@code null}
     * @param outcome engine outcome known before the hangup (disposition), or {@code null}
     */
    public static InteractionRecord of(CallSnapshot call, Instant ended, Integer survey, String outcome) {
        String customer = call.profile().map(CustomerProfile::customerId).orElse(null);
        // not CallSnapshot.waitSeconds: an ended call's snapshot no longer counts as waiting
        Integer wait = call.queuedAt().map(q -> (int) Math.max(0,
                Duration.between(q, call.connectedAt().orElse(ended)).toSeconds())).orElse(null);
        Integer talk = call.connectedAt().map(c -> (int) Math.max(0, Duration.between(c, ended).toSeconds()))
                .orElse(call.queuedAt().isPresent() ? 0 : null);
        String result = outcome != null ? outcome
                : call.queuedAt().isPresent() && call.connectedAt().isEmpty() ? "abandoned" : null;
        String text = call.transcript().stream().filter(Utterance::isFinal)
                .map(u -> u.speaker().wireName() + ": " + u.text()).collect(Collectors.joining("\n"));
        if (text.length() > MAX_TRANSCRIPT) {
            text = text.substring(text.length() - MAX_TRANSCRIPT);
        }
        return new InteractionRecord(call.callId(), customer, call.phone().isEmpty() ? null : call.phone(), "voice",
                call.started(), call.queue().isEmpty() ? null : call.queue(),
                call.agent().isEmpty() ? null : call.agent(), wait, talk, result, survey, emotion(call),
                call.intent().map(CallIntent::topic).orElse(null), text.isEmpty() ? null : text,
                talkTime(call, ended));
    }

    /** Talk-over and silence up to the hangup, when the agent's leg was transcribed. */
    static TalkTime talkTime(CallSnapshot call, Instant ended) {
        return call.talk().map(t -> t.asOf(ended))
                .map(f -> new TalkTime(f.connectedSec(), f.talkOverSec(), f.silenceSec())).orElse(null);
    }

    /**
     * The call's emotion in the engine's vocabulary. The record has one field, so the live trend
     * folds into it: escalating or an angry last reading → {@code angry}; at least half the readings
     * negative → {@code negative}; else the last reading; no readings → {@code null} (the engine
     * then reads the transcript with its lexicon).
     */
    static String emotion(CallSnapshot call) {
        if (call.emotions().isEmpty()) {
            return null;
        }
        EmotionLabel last = call.lastEmotion().map(p -> p.reading().label()).orElseThrow();
        if (call.escalating() || last == EmotionLabel.ANGRY) {
            return "angry";
        }
        long negative = call.emotions().stream().map(EmotionPoint::reading)
                .filter(r -> r.label() == EmotionLabel.ANGRY || r.label() == EmotionLabel.FRUSTRATED).count();
        if (negative * 2 >= call.emotions().size()) {
            return "negative";
        }
        return switch (last) {
            case FRUSTRATED -> "negative";
            case SATISFIED -> "positive";
            default -> "neutral";
        };
    }

    /** Agent dispositions (screen page) in the engine's outcome vocabulary. */
    public static String outcome(String disposition) {
        return switch (disposition) {
            case "resolved" -> "resolved";
            case "escalated" -> "escalated";
            case "follow_up", "unresolved" -> "unresolved";
            default -> throw new IllegalArgumentException("unknown disposition " + disposition);
        };
    }
}
