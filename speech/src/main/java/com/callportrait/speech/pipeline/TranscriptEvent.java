package com.callportrait.speech.pipeline;

import com.callportrait.speech.asr.Word;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A partial or final transcript of one utterance of one call. The text and words are already
 * redacted. Times are seconds from the start of the call's audio. Immutable and thread-safe.
 *
 * @param callId    the call's id (the AudioSocket UUID = the AGI's {@code CP_UUID})
 * @param utterance the utterance's number in the call, from 1; partials share it with their final
 * @param isFinal   false for a partial result while the caller is still speaking
 * @param text      the redacted words, joined by spaces
 * @param words     the redacted words with timings (final results only; empty for partials)
 * @param startSec  when the utterance started
 * @param endSec    when it ended (for partials: the audio heard so far)
 * @param degraded  true when audio of this utterance was shed under overload
 * @param at        when the result was produced
 * @param speaker   whose words: the caller's, or the agent's when the agent's leg is tapped too
 *                  (utterances are numbered per speaker; the agent's times are on the call's time line)
 */
public record TranscriptEvent(String callId, int utterance, boolean isFinal, String text, List<Word> words,
                              double startSec, double endSec, boolean degraded, Instant at, Speaker speaker) {
    public TranscriptEvent {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        words = List.copyOf(words);
        if (utterance < 1) {
            throw new IllegalArgumentException("utterance numbers start at 1, was " + utterance);
        }
        if (!(startSec >= 0) || !(endSec >= startSec)) {
            throw new IllegalArgumentException("need 0 <= start <= end, was " + startSec + ".." + endSec);
        }
    }

    /** The caller's words (the only leg tapped unless the agent's is asked for). */
    public TranscriptEvent(String callId, int utterance, boolean isFinal, String text, List<Word> words,
                           double startSec, double endSec, boolean degraded, Instant at) {
        this(callId, utterance, isFinal, text, words, startSec, endSec, degraded, at, Speaker.CALLER);
    }
}
