package com.callportrait.speech.pipeline;

import com.callportrait.speech.asr.AsrOptions;
import com.callportrait.speech.asr.RecognizedText;
import com.callportrait.speech.asr.RecognizerPool;
import com.callportrait.speech.asr.RecognizerPoolOptions;
import com.callportrait.speech.asr.SpeechRecognizer;
import com.callportrait.speech.asr.StreamingRecognizer;
import com.callportrait.speech.asr.Word;
import com.callportrait.speech.audio.Pcm;
import com.callportrait.speech.audio.PolyphaseResampler;
import com.callportrait.speech.audio.VoiceActivityDetector;
import com.callportrait.speech.emotion.EmotionReading;
import com.callportrait.speech.emotion.EmotionTrend;
import com.callportrait.speech.emotion.Emotions;
import com.callportrait.speech.emotion.VoiceAnalyzer;
import com.callportrait.speech.emotion.VoiceFeatures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serial state machine of one call, run by its mailbox on the recognition pool: VAD on the
 * native-rate audio, pre-roll, resampling to the model's rate (none when the call already comes
 * at it, as slin16 does for the bundled model), Vosk, partials on a budget, and on each
 * utterance's end the voice features, emotion and redaction. Silence outside an utterance costs
 * one level measurement per frame: it is never resampled nor decoded.
 *
 * <p>The recogniser is leased from the engine's {@link RecognizerPool} at the start of an
 * utterance and returned at its end ({@code CP_ASR_RECOGNIZER_LEASE=utterance}) or at hangup
 * ({@code call}). A recogniser that throws is discarded, the utterance it was hearing is lost
 * (the next one is marked degraded) and the next utterance leases another: the call goes on.
 *
 * <p>Not thread-safe by design: only the call's mailbox drives it (one thread at a time).
 */
final class CallWorker {
    private static final Logger log = LoggerFactory.getLogger(CallWorker.class);
    private static final int PAD_CHUNK_MS = 100;
    private static final int MAX_PAD_MS = 1200;

    private final String callId;
    private final Speaker speaker;
    private final SpeechEngine engine;
    private final CallTranscriber owner;
    private final AsrOptions options;
    private final VoiceActivityDetector vad;
    private final VoiceAnalyzer voice;
    /** The call-level smoothed emotion (escalation), fed one reading per final utterance. */
    private final EmotionTrend trend = Emotions.newTrend();
    private final ArrayDeque<short[]> preRoll = new ArrayDeque<>();
    private PolyphaseResampler resampler;
    /** Null between leases; with Kaldi's resampling ({@code CP_ASR_RESAMPLING=vosk}) a private recogniser instead. */
    private RecognizerPool.Lease lease;
    private SpeechRecognizer recognizer;
    private final boolean leasePerUtterance;
    private int rate;
    private double preRollMs;
    private double callSec;
    private int utterance;
    private boolean inUtterance;
    private double anchorCallSec;
    private double anchorFedSec;
    private double utteranceMs;
    private double sincePartialMs;
    private String lastPartial = "";
    private boolean degraded;
    private boolean finished;
    private boolean skippedStale;
    private boolean lostUtterance;
    /** Partials skipped and stale audio dropped by how long the frame in hand waited. */
    private final FrameAgeRule ageRule;
    /** False while the frame in hand is late enough that partials are skipped. */
    private boolean partialsAllowed = true;
    private float[] pad;
    private final boolean vosksResampling;

    CallWorker(CallLeg leg, double startSec, SpeechEngine engine, CallTranscriber owner) {
        this.callId = leg.callId();
        this.speaker = leg.speaker();
        this.callSec = startSec; // the agent's leg joins the call's time line where it starts
        this.engine = engine;
        this.owner = owner;
        this.options = engine.options();
        this.vad = new VoiceActivityDetector(options.vadSettings());
        this.voice = engine.newVoiceAnalyzer();
        this.vosksResampling = options.resampling() == AsrOptions.Resampling.VOSK;
        this.leasePerUtterance = options.recognizers().lease() == RecognizerPoolOptions.Lease.UTTERANCE
                && !vosksResampling;
        this.ageRule = FrameAgeRule.of(options);
        if (speaker == Speaker.CALLER) {
            engine.listeners().callStarted(callId);
        }
        engine.listeners().legStarted(callId, speaker, startSec);
    }

    void handle(CallTranscriber.Item item) {
        if (finished) {
            return;
        }
        if (item instanceof CallTranscriber.AudioItem a) {
            try {
                onAudio(a);
            } catch (RuntimeException e) {
                recognizerFailed(e);
            }
        } else if (item instanceof CallTranscriber.DtmfItem d) {
            engine.listeners().dtmf(callId, d.digit());
        } else if (item instanceof CallTranscriber.EndItem e) {
            onEnd(e.reason());
        }
    }

    private void onAudio(CallTranscriber.AudioItem item) {
        short[] samples = Pcm.toShorts(item.frame().pcm());
        int frameRate = item.frame().rate().hz();
        if (frameRate != rate) {
            if (recognizer != null && vosksResampling) {
                letGo(false); // Kaldi's resampler is fixed to the first rate
            }
            rate = frameRate;
            resampler = new PolyphaseResampler(rate, vosksResampling ? rate : engine.model().sampleRate());
        }
        degraded |= item.afterShed() && inUtterance;
        double ms = samples.length * 1000.0 / rate;
        FrameAgeRule.Action action = ageRule.decide(System.nanoTime() - item.arrivalNanos());
        if (action == FrameAgeRule.Action.SKIP_STALE) {
            skipStale(ms);
            return;
        }
        partialsAllowed = action == FrameAgeRule.Action.HEAR;
        try {
            switch (vad.accept(samples, samples.length, ms)) {
                case SILENCE -> {
                    preRoll.addLast(samples);
                    preRollMs += ms;
                    while (preRollMs - preRoll.peekFirst().length * 1000.0 / rate >= options.preRollMs()) {
                        preRollMs -= preRoll.removeFirst().length * 1000.0 / rate;
                    }
                }
                case START -> {
                    startUtterance(item.afterShed() || skippedStale || lostUtterance);
                    skippedStale = false;
                    lostUtterance = false;
                    for (short[] earlier : preRoll) {
                        feed(earlier, item.arrivalNanos());
                    }
                    preRoll.clear();
                    preRollMs = 0;
                    feed(samples, item.arrivalNanos());
                }
                case CONTINUE -> {
                    feed(samples, item.arrivalNanos());
                    if (utteranceMs >= options.maxUtteranceMs()) {
                        vad.reset();
                        finishUtterance(item.arrivalNanos());
                    } else {
                        maybePartial(ms);
                    }
                }
                case END -> {
                    feed(samples, item.arrivalNanos());
                    finishUtterance(item.arrivalNanos());
                }
            }
        } finally {
            callSec += ms / 1000.0; // the call's clock runs on even if recognition failed on this frame
        }
    }

    /**
     * Overload, second step (after skipped partials and frames refused by a full queue): a frame
     * that waited longer than the call's queue holds ({@code CP_ASR_QUEUE_FRAMES} × 20 ms) is
     * dropped unheard, so recognition catches up with the live call instead of transcribing ever
     * older audio: the lag stays bounded and recovers within seconds once load drops. An utterance
     * open at that point ends with what was heard (cheaply, without padding), marked degraded.
     */
    private void skipStale(double ms) {
        engine.metrics().frameShed();
        if (inUtterance) {
            inUtterance = false;
            degraded = true;
            emitFinal(recognizer.finish(), System.nanoTime());
            endLease();
        }
        vad.reset();
        preRoll.clear();
        preRollMs = 0;
        skippedStale = true;
        callSec += ms / 1000.0;
    }

    private void startUtterance(boolean afterShed) {
        if (recognizer == null) {
            acquire();
        }
        inUtterance = true;
        utterance++;
        utteranceMs = 0;
        sincePartialMs = 0;
        lastPartial = "";
        degraded = afterShed;
        // the pre-roll is fed first: it starts preRollMs before this frame
        anchorCallSec = Math.max(0, callSec - preRollMs / 1000.0);
        anchorFedSec = recognizer.fedSeconds();
    }

    private void feed(short[] samples, long arrivalNanos) {
        if (speaker == Speaker.CALLER) { // emotion is the caller's only: the agent's voice is not analysed
            voice.accept(samples, samples.length, rate);
        }
        float[] resampled = resampler.process(samples, samples.length);
        utteranceMs += samples.length * 1000.0 / rate;
        engine.metrics().audioDecoded(samples.length / (double) rate);
        if (recognizer.accept(resampled, resampled.length)) {
            // Vosk found an endpoint inside what our VAD still calls speech: a final for that part
            emitFinal(recognizer.result(), arrivalNanos);
            utterance++;
            lastPartial = "";
        }
    }

    private void maybePartial(double ms) {
        sincePartialMs += ms;
        if (sincePartialMs < options.partialEveryMs()) {
            return;
        }
        sincePartialMs = 0;
        if (!partialsAllowed) {
            engine.metrics().partialDropped(); // recognition is behind this call: partials go first
            return;
        }
        String raw = recognizer.partial();
        if (raw.isBlank() || raw.equals(lastPartial)) {
            return;
        }
        lastPartial = raw;
        String text = engine.redactPartial(raw);
        if (text != null) {
            double start = anchorCallSec;
            engine.listeners().transcript(new TranscriptEvent(callId, utterance, false, text, List.of(), start,
                    Math.max(start, callSec), degraded, Instant.now(), speaker));
            engine.metrics().partialEmitted();
        }
    }

    /**
     * Ends the utterance our VAD closed. With a recogniser leased for the utterance it is simply
     * flushed ({@code getFinalResult}) and returned. With one leased for the call, rather than
     * flushing (which throws away Vosk's feature pipeline, and with it the speaker adaptation
     * learnt so far in the call), it feeds a little comfort noise, at once and not in real time,
     * until Vosk's own endpoint fires; only if it does not within {@value #MAX_PAD_MS} ms is the
     * utterance forced final.
     */
    private void finishUtterance(long arrivalNanos) {
        inUtterance = false;
        RecognizedText result = null;
        if (!leasePerUtterance) {
            float[] pad = padding();
            for (int ms = 0; ms < MAX_PAD_MS && result == null; ms += PAD_CHUNK_MS) {
                engine.metrics().audioDecoded(PAD_CHUNK_MS / 1000.0);
                if (recognizer.accept(pad, pad.length)) {
                    result = recognizer.result();
                }
            }
        }
        emitFinal(result != null ? result : recognizer.finish(), arrivalNanos);
        endLease();
    }

    private void acquire() {
        if (vosksResampling) {
            recognizer = new StreamingRecognizer(engine.model(), rate); // at the call's rate: never pooled
        } else {
            lease = engine.recognizers().borrow();
            recognizer = lease.recognizer();
        }
    }

    /** The utterance is over: with a lease per utterance the recogniser goes back now. */
    private void endLease() {
        if (leasePerUtterance) {
            letGo(false);
        }
    }

    /** Returns (or, when {@code failed}, discards) the recogniser; safe to call without one. */
    private void letGo(boolean failed) {
        SpeechRecognizer r = recognizer;
        RecognizerPool.Lease l = lease;
        recognizer = null;
        lease = null;
        if (l != null) {
            if (failed) {
                l.discard();
            } else {
                l.release();
            }
        } else if (r != null) {
            r.close();
        }
    }

    /**
     * The recogniser (or something in the utterance's path) threw: the utterance it was hearing
     * is lost, the recogniser is discarded, and the call goes on; the next utterance leases a
     * fresh one and is marked degraded.
     */
    private void recognizerFailed(RuntimeException e) {
        log.warn("call {}: recognition failed ({}); the recogniser is replaced and the call goes on", callId,
                e.toString());
        try {
            letGo(true);
        } catch (RuntimeException closing) {
            log.warn("call {}: discarding the failed recogniser failed too: {}", callId, closing.toString());
        }
        if (inUtterance) {
            inUtterance = false;
            try {
                if (speaker == Speaker.CALLER) {
                    voice.endUtterance(0);
                }
            } catch (RuntimeException ignored) {
                // the analyser's own failure is logged where it is used; nothing to report here
            }
        }
        vad.reset();
        preRoll.clear();
        preRollMs = 0;
        lostUtterance = true;
    }

    private float[] padding() {
        if (pad == null) {
            java.util.Random random = new java.util.Random(7); // fixed: results must be reproducible
            pad = new float[recognizer.sampleRate() * PAD_CHUNK_MS / 1000];
            for (int i = 0; i < pad.length; i++) {
                pad[i] = (float) (random.nextGaussian() * 3); // about -80 dBFS
            }
        }
        return pad;
    }

    private void emitFinal(RecognizedText raw, long arrivalNanos) {
        if (raw.isEmpty()) {
            if (speaker == Speaker.CALLER) {
                voice.endUtterance(0); // noise, not words: close the analyser's utterance, report nothing
            }
            return;
        }
        double shift = anchorCallSec - anchorFedSec;
        List<Word> words = new ArrayList<>(raw.words().size());
        for (Word w : raw.words()) {
            words.add(w.shifted(shift));
        }
        double start = words.isEmpty() ? anchorCallSec : words.get(0).startSec();
        double end = words.isEmpty() ? callSec : words.get(words.size() - 1).endSec();
        // Emotion and escalation are the caller's: the agent's words are transcribed, never scored.
        VoiceFeatures features = speaker == Speaker.CALLER ? safeVoice(words.size()) : VoiceFeatures.NONE;
        EmotionReading reading = speaker == Speaker.CALLER ? engine.score(raw.text(), features) : null;
        String text = engine.redact(raw.text());
        if (text == null) {
            return; // redaction failed: never let the raw words out
        }
        Instant now = Instant.now();
        engine.listeners().transcript(new TranscriptEvent(callId, utterance, true, text,
                WordRedaction.apply(words, text), start, end, degraded, now, speaker));
        engine.metrics().finalEmitted(Duration.ofNanos(System.nanoTime() - arrivalNanos));
        if (reading != null) {
            engine.listeners().emotion(new EmotionEvent(callId, utterance, reading, features, trend.add(reading),
                    start, end, now));
        }
    }

    private VoiceFeatures safeVoice(int wordCount) {
        try {
            return voice.endUtterance(wordCount);
        } catch (RuntimeException e) {
            log.warn("call {}: voice analysis failed: {}", callId, e.toString());
            return VoiceFeatures.NONE;
        }
    }

    private void onEnd(String reason) {
        boolean failed = false;
        try {
            if (inUtterance) {
                inUtterance = false;
                emitFinal(recognizer.finish(), System.nanoTime()); // the call is over: flush
            }
        } catch (RuntimeException e) {
            failed = true;
            log.warn("call {}: the last utterance could not be finalised: {}", callId, e.toString());
        } finally {
            finished = true;
            letGo(failed);
            engine.listeners().legEnded(callId, speaker, callSec, reason);
            if (speaker == Speaker.CALLER) {
                engine.listeners().callEnded(callId, reason);
            }
            owner.markFinished();
        }
    }
}
