package com.callportrait.events;

import com.callportrait.speech.conversation.TalkFigures;
import com.callportrait.speech.pipeline.ConversationEvent;
import com.callportrait.speech.pipeline.EmotionEvent;
import com.callportrait.speech.pipeline.SpeechListener;
import com.callportrait.speech.pipeline.TranscriptEvent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Writes one {@code type=conversation} entry to {@code cp:events} per call whose agent leg is
 * tapped, when both legs have ended: {@code connected_ms caller_talk_ms agent_talk_ms talk_over_ms
 * silence_ms talk_over_share silence_share}. The running figures are not written (they reach the
 * live call state); since the final ones come as the call hangs up, when the live state may have
 * forgotten the call, the call's Uniqueid and phone are remembered from its running figures.
 *
 * <p>Thread-safe; returns at once (only {@link EventWriter#offer}). Remembers at most one entry per
 * call being measured, dropped with its final figures.
 */
public final class ConversationRecorder implements SpeechListener {
    private final EventWriter events;
    private final Function<String, Optional<SpeechEventRecorder.CallKeys>> keys;
    private final Map<String, SpeechEventRecorder.CallKeys> known = new ConcurrentHashMap<>();

    /**
     * @param events where entries go
     * @param keys   looks up the call's Uniqueid and phone by CP_UUID (must not block)
     */
    public ConversationRecorder(EventWriter events, Function<String, Optional<SpeechEventRecorder.CallKeys>> keys) {
        this.events = events;
        this.keys = keys;
    }

    @Override
    public void onConversation(ConversationEvent e) {
        if (!e.isFinal()) {
            keys.apply(e.callId()).ifPresent(k -> known.put(e.callId(), k));
            return;
        }
        SpeechEventRecorder.CallKeys k = keys.apply(e.callId()).or(() -> Optional.ofNullable(known.get(e.callId())))
                .orElse(new SpeechEventRecorder.CallKeys("", ""));
        known.remove(e.callId());
        events.offer(new CallEvent("conversation", e.callId(), k.uniqueId(), k.phone(), e.at(), fields(e.figures())));
    }

    /** The figures as event fields (milliseconds and shares). */
    public static Map<String, String> fields(TalkFigures f) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("connected_ms", ms(f.connectedSec()));
        m.put("caller_talk_ms", ms(f.callerTalkSec()));
        m.put("agent_talk_ms", ms(f.agentTalkSec()));
        m.put("talk_over_ms", ms(f.talkOverSec()));
        m.put("silence_ms", ms(f.silenceSec()));
        m.put("talk_over_share", String.format(Locale.ROOT, "%.3f", f.talkOverShare()));
        m.put("silence_share", String.format(Locale.ROOT, "%.3f", f.silenceShare()));
        return m;
    }

    private static String ms(double sec) {
        return Long.toString(Math.round(sec * 1000));
    }

    @Override
    public void onTranscript(TranscriptEvent event) {
    }

    @Override
    public void onEmotion(EmotionEvent event) {
    }

    /** Calls whose keys are remembered (tests check nothing leaks). */
    int remembered() {
        return known.size();
    }
}
