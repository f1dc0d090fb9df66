package com.callportrait.speech.pipeline;

import com.callportrait.speech.emotion.EmotionReading;
import com.callportrait.speech.emotion.EmotionTrend;
import com.callportrait.speech.emotion.VoiceFeatures;
import java.time.Instant;
import java.util.Objects;

/**
 * The emotion reading of one final utterance (from its raw words and the caller's voice). Immutable
 * and thread-safe.
 *
 * @param callId    the call's id
 * @param utterance the utterance's number, as in its final {@link TranscriptEvent}
 * @param reading   label, valence, arousal and confidence
 * @param voice     the prosody the reading used, relative to this caller's baseline
 * @param trend     the call's smoothed emotion after this utterance, and whether it is escalating
 * @param startSec  when the utterance started, seconds from the start of the call's audio
 * @param endSec    when it ended
 * @param at        when the reading was produced
 */
public record EmotionEvent(String callId, int utterance, EmotionReading reading, VoiceFeatures voice,
                           EmotionTrend.Snapshot trend,
                           double startSec, double endSec, Instant at) {
    public EmotionEvent {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(reading, "reading");
        Objects.requireNonNull(voice, "voice");
        Objects.requireNonNull(trend, "trend");
        Objects.requireNonNull(at, "at");
    }
}
