package com.callportrait.live;

import com.callportrait.live.calls.CallSnapshot;
import com.callportrait.live.calls.EmotionPoint;
import com.callportrait.live.intent.CallIntent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a live rule saw when it acted, for the audit trail: the reading that triggered it (for a
 * rule on what the caller said: the counted reading that met it; otherwise the newest reading),
 * the call's intent, and the state of the call. {@link #fields()} are the action event's own
 * fields ({@code utterance label confidence escalation words intent intent_confidence}; empty
 * strings when there is no reading or no intent); {@link #text()} is the one-line summary kept
 * in {@code evidence}. Immutable and thread-safe.
 *
 * @param text   {@code state=waiting emotion=angry confidence=0.91 ...}
 * @param fields the structured evidence, in a stable order
 */
record Evidence(String text, Map<String, String> fields) {
    Evidence {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    static Evidence of(CallSnapshot c, LiveRules.Rule rule, LiveRules.Evidence guard, Instant now) {
        Optional<EmotionPoint> reading = rule.onSpeech() ? rule.when().trigger(c, guard) : c.lastEmotion();
        Optional<CallIntent> intent = c.intent();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("utterance", reading.map(e -> Integer.toString(e.utterance())).orElse(""));
        f.put("label", reading.map(e -> e.reading().label().wireName()).orElse(""));
        f.put("confidence", reading.map(e -> num(e.reading().confidence())).orElse(""));
        f.put("escalation", reading.map(e -> num(e.reading().escalation())).orElse(""));
        f.put("words", reading.map(e -> Integer.toString(e.words())).orElse(""));
        f.put("intent", intent.map(CallIntent::topic).orElse(""));
        f.put("intent_confidence", intent.map(i -> num(i.confidence())).orElse(""));

        StringBuilder b = new StringBuilder("state=").append(c.state().wireName());
        reading.ifPresent(e -> b.append(" emotion=").append(e.reading().label().wireName())
                .append(String.format(Locale.ROOT, " confidence=%.2f arousal=%.2f escalation=%.2f",
                        e.reading().confidence(), e.reading().arousal(), e.reading().escalation()))
                .append(" utterance=").append(e.utterance()).append(" words=").append(e.words()));
        intent.ifPresent(i -> b.append(" intent=").append(i.topic())
                .append(String.format(Locale.ROOT, " intent_confidence=%.2f", i.confidence()))
                .append(" intent_words=").append(String.join("|", i.evidence())));
        b.append(" escalating=").append(c.escalating());
        b.append(" queue=").append(c.queue()).append(" position=").append(c.position());
        b.append(" wait_s=").append(c.waitSeconds(now)).append(" vip=").append(c.vip() ? 1 : 0);
        c.profile().ifPresent(p -> b.append(String.format(Locale.ROOT, " complaint_risk=%.2f tier=%s",
                p.complaintRisk(), p.tier().wireName())));
        return new Evidence(b.toString(), f);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
