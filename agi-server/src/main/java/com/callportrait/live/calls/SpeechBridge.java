package com.callportrait.live.calls;

import com.callportrait.speech.pipeline.ConversationEvent;
import com.callportrait.speech.pipeline.EmotionEvent;
import com.callportrait.speech.pipeline.Speaker;
import com.callportrait.speech.pipeline.SpeechListener;
import com.callportrait.speech.pipeline.TranscriptEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the speech pipeline to live call state: register it on the
 * {@code SpeechEngine} ({@code engine.addListener(SpeechBridge.to(calls, liveTracking, registry))})
 * and every transcript (already redacted by the pipeline) and emotion reading of call X (the
 * AudioSocket UUID = CP_UUID) lands in that live call.
 *
 * <p>An update for a call id the registry does not know cannot land anywhere. It is counted
 * ({@code cp_speech_updates_unmatched_total}, tag {@code reason}: {@code unknown_call}, or
 * {@code call_ended} for the last words of a call that hung up a moment ago) and, when live call
 * tracking is on (AMI configured: every routed call is then in the registry), an unknown id is
 * logged once at WARN: the usual cause is a dialplan that does not give {@code ${CP_UUID}} to
 * AudioSocket, and without the log every transcript would vanish silently.
 *
 * <p>Thread-safe (speech workers call it concurrently); returns at once. The remembered ids are
 * bounded ({@value #REMEMBERED} each), so a flood of strangers never grows memory.
 */
public final class SpeechBridge implements SpeechListener {
    private static final Logger log = LoggerFactory.getLogger(SpeechBridge.class);
    static final int REMEMBERED = 1_000;

    private final CallRegistry calls;
    private final boolean liveTracking;
    private final Counter unknown;
    private final Counter afterEnd;
    private final Set<String> ended = bounded();
    private final Set<String> warned = bounded();

    private SpeechBridge(CallRegistry calls, boolean liveTracking, MeterRegistry registry) {
        this.calls = calls;
        this.liveTracking = liveTracking;
        this.unknown = unmatched(registry, "unknown_call");
        this.afterEnd = unmatched(registry, "call_ended");
        calls.addListener((c, change) -> {
            if (change == CallChange.ENDED) {
                ended.add(c.callId());
            }
        });
    }

    /**
     * The bridge into {@code calls}; {@code liveTracking}: AMI is configured, so every routed call
     * is in the registry and an unknown id is worth a warning.
     */
    public static SpeechBridge to(CallRegistry calls, boolean liveTracking, MeterRegistry registry) {
        return new SpeechBridge(calls, liveTracking, registry);
    }

    /** As above, without live tracking and with private metrics (tests, tools). */
    public static SpeechBridge to(CallRegistry calls) {
        return new SpeechBridge(calls, false, new SimpleMeterRegistry());
    }

    private static Counter unmatched(MeterRegistry registry, String reason) {
        return Counter.builder("cp.speech.updates.unmatched").tag("reason", reason)
                .description("transcript/emotion updates for a call id the live registry does not know")
                .register(registry);
    }

    private static Set<String> bounded() {
        return Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > REMEMBERED;
            }
        }));
    }

    @Override
    public void onTranscript(TranscriptEvent e) {
        if (matched(e.callId())) {
            calls.transcript(e.callId(), e.utterance(), e.isFinal(), e.text(), e.speaker());
        }
    }

    @Override
    public void onLegStarted(String callId, Speaker speaker, double startSec) {
        if (speaker == Speaker.AGENT && matched(callId)) {
            calls.agentLegStarted(callId);
        }
    }

    @Override
    public void onConversation(ConversationEvent e) {
        // The final figures usually come as the call hangs up: the running ones are already in the call.
        if (!e.isFinal() && matched(e.callId()) || e.isFinal() && calls.get(e.callId()).isPresent()) {
            calls.talk(e.callId(), e.figures(), e.isFinal());
        }
    }

    @Override
    public void onEmotion(EmotionEvent e) {
        if (matched(e.callId())) {
            calls.emotion(e.callId(), e.utterance(), e.reading());
        }
    }

    private boolean matched(String callId) {
        if (calls.get(callId).isPresent()) {
            return true;
        }
        if (ended.contains(callId)) {
            afterEnd.increment();
            return false;
        }
        unknown.increment();
        if (liveTracking && warned.add(callId)) {
            log.warn("speech updates for call id {} match no live call and are dropped: the dialplan probably"
                    + " does not pass ${CP_UUID} to AudioSocket as the call's UUID (see docs/live.md);"
                    + " logged once per call id", callId);
        }
        return false;
    }
}
