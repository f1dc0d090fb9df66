package com.callportrait.speech.pipeline;

import com.callportrait.speech.asr.SpeechMetrics;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registered listeners; a failing listener is logged and counted, never propagated. Thread-safe. */
final class Listeners {
    private static final Logger log = LoggerFactory.getLogger(Listeners.class);

    private final List<SpeechListener> listeners = new CopyOnWriteArrayList<>();
    private final SpeechMetrics metrics;

    Listeners(SpeechMetrics metrics) {
        this.metrics = metrics;
    }

    void add(SpeechListener l) {
        listeners.add(l);
    }

    void remove(SpeechListener l) {
        listeners.remove(l);
    }

    void callStarted(String callId) {
        each(l -> l.onCallStarted(callId));
    }

    void transcript(TranscriptEvent e) {
        each(l -> l.onTranscript(e));
    }

    void emotion(EmotionEvent e) {
        each(l -> l.onEmotion(e));
    }

    void dtmf(String callId, char digit) {
        each(l -> l.onDtmf(callId, digit));
    }

    void callEnded(String callId, String reason) {
        each(l -> l.onCallEnded(callId, reason));
    }

    void legStarted(String callId, Speaker speaker, double startSec) {
        each(l -> l.onLegStarted(callId, speaker, startSec));
    }

    void legEnded(String callId, Speaker speaker, double endSec, String reason) {
        each(l -> l.onLegEnded(callId, speaker, endSec, reason));
    }

    void conversation(ConversationEvent e) {
        each(l -> l.onConversation(e));
    }

    private void each(Consumer<SpeechListener> call) {
        for (SpeechListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                metrics.listenerError();
                log.warn("speech listener {} failed: {}", l.getClass().getName(), e.toString());
            }
        }
    }
}
