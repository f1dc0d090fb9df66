package com.callportrait.calls;

import com.callportrait.speech.pipeline.EmotionEvent;
import com.callportrait.speech.pipeline.SpeechListener;
import com.callportrait.speech.pipeline.TranscriptEvent;

/**
 * Connects the speech pipeline to live call state: register it on the
 * {@code SpeechEngine} ({@code engine.addListener(SpeechBridge.to(stack.live().speech()))}) and
 * every transcript (already redacted by the pipeline) and emotion reading of call X (the
 * AudioSocket UUID = CP_UUID) lands in that live call. Stateless and thread-safe; returns at once.
 */
public final class SpeechBridge implements SpeechListener {
    private final SpeechUpdates updates;

    private SpeechBridge(SpeechUpdates updates) {
        this.updates = updates;
    }

    public static SpeechBridge to(SpeechUpdates updates) {
        return new SpeechBridge(updates);
    }

    @Override
    public void onTranscript(TranscriptEvent e) {
        updates.transcript(e.callId(), e.utterance(), e.isFinal(), e.text());
    }

    @Override
    public void onEmotion(EmotionEvent e) {
        updates.emotion(e.callId(), e.utterance(), e.reading());
    }
}
