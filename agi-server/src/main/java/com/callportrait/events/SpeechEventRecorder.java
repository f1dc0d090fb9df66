package com.callportrait.events;

import com.callportrait.speech.pipeline.EmotionEvent;
import com.callportrait.speech.pipeline.Speaker;
import com.callportrait.speech.pipeline.SpeechListener;
import com.callportrait.speech.pipeline.TranscriptEvent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes the speech pipeline's FINAL transcripts and emotion readings to {@code cp:events}
 * ({@code type=transcript|emotion}). Partial transcripts are not written: they reach the live call
 * state and the agent page in-process (through {@code SpeechBridge}) and would multiply the
 * stream's volume by the partial rate for text that the final result replaces anyway.
 *
 * <p>Runs on the recognition workers: it only builds the entry and {@link EventWriter#offer}s it
 * (non-blocking; a full buffer drops and counts). Stateless and thread-safe.
 */
public final class SpeechEventRecorder implements SpeechListener {
    /** uniqueid and phone of a call, when the live call state knows it. */
    public record CallKeys(String uniqueId, String phone) {
    }

    private final EventWriter events;
    private final Function<String, Optional<CallKeys>> keys;
    private final boolean speakers;

    /**
     * @param events where entries go
     * @param keys   looks up the call's Uniqueid and phone by CP_UUID (must not block)
     */
    public SpeechEventRecorder(EventWriter events, Function<String, Optional<CallKeys>> keys) {
        this(events, keys, false);
    }

    /**
     * As above; {@code speakers}: the agent's leg is tapped, so every transcript and emotion entry
     * says whose words it is ({@code speaker=caller|agent}; emotion is always the caller's).
     */
    public SpeechEventRecorder(EventWriter events, Function<String, Optional<CallKeys>> keys, boolean speakers) {
        this.events = events;
        this.keys = keys;
        this.speakers = speakers;
    }

    @Override
    public void onTranscript(TranscriptEvent e) {
        if (!e.isFinal()) {
            return;
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put("final", "1");
        f.put("utterance", Integer.toString(e.utterance()));
        f.put("text", e.text());
        f.put("start_ms", Long.toString(Math.round(e.startSec() * 1000)));
        f.put("end_ms", Long.toString(Math.round(e.endSec() * 1000)));
        f.put("degraded", e.degraded() ? "1" : "0");
        if (speakers) {
            f.put("speaker", e.speaker().wireName());
        }
        offer("transcript", e.callId(), e.at(), f);
    }

    @Override
    public void onEmotion(EmotionEvent e) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("utterance", Integer.toString(e.utterance()));
        f.put("label", e.reading().label().name().toLowerCase(Locale.ROOT));
        f.put("valence", num(e.reading().valence()));
        f.put("arousal", num(e.reading().arousal()));
        f.put("confidence", num(e.reading().confidence()));
        f.put("escalation", num(e.reading().escalation()));
        f.put("source", "fused");
        f.put("escalating", e.trend().escalating() ? "1" : "0");
        f.put("trend_valence", num(e.trend().valence()));
        f.put("trend_arousal", num(e.trend().arousal()));
        f.put("trend_escalation", num(e.trend().escalation()));
        if (speakers) {
            f.put("speaker", Speaker.CALLER.wireName()); // the agent's words are never scored
        }
        offer("emotion", e.callId(), e.at(), f);
    }

    private void offer(String type, String call, java.time.Instant at, Map<String, String> fields) {
        CallKeys k = keys.apply(call).orElse(new CallKeys("", ""));
        events.offer(new CallEvent(type, call, k.uniqueId(), k.phone(), at, fields));
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
