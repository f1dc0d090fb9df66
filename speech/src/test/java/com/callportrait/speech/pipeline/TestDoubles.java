package com.callportrait.speech.pipeline;

import com.callportrait.speech.emotion.EmotionLabel;
import com.callportrait.speech.emotion.EmotionReading;
import com.callportrait.speech.emotion.EmotionScorer;
import com.callportrait.speech.emotion.VoiceAnalyzer;
import com.callportrait.speech.emotion.VoiceFeatures;
import com.callportrait.speech.redact.Redactor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Trivial stand-ins for the emotion branch's scorer, analyser and redactor, so these tests check
 * the pipeline's wiring (raw text to the scorer, redacted text in events), not their quality.
 */
public final class TestDoubles {
    private TestDoubles() {
    }

    /** Replaces the word "manager" with "[ROLE]": enough to see redaction applied to text and words. */
    public static final Redactor REDACT_MANAGER = text -> text.replaceAll("\\bmanager\\b", "[ROLE]");

    /** Records the raw text it saw; angry when the words say "wrong" or "manager". */
    public static final class KeywordScorer implements EmotionScorer {
        public final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public EmotionReading score(String text, VoiceFeatures voice) {
            seen.add(text);
            boolean angry = text.contains("wrong") || text.contains("manager");
            return angry ? new EmotionReading(EmotionLabel.ANGRY, -0.8, 0.8, 0.9)
                    : new EmotionReading(EmotionLabel.NEUTRAL, 0, 0.2, 0.5);
        }
    }

    /** Reports the voiced duration it was fed. */
    public static final class DurationAnalyzer implements VoiceAnalyzer {
        private long samples;
        private int rate = 8000;

        @Override
        public void accept(short[] s, int count, int sampleRate) {
            samples += count;
            rate = sampleRate;
        }

        @Override
        public VoiceFeatures endUtterance(int wordCount) {
            VoiceFeatures f = new VoiceFeatures(0, 0, 0, samples / (double) rate);
            samples = 0;
            return f;
        }
    }

    /** Collects every event, per call. */
    public static final class Collector implements SpeechListener {
        public final Map<String, List<TranscriptEvent>> transcripts = new ConcurrentHashMap<>();
        public final Map<String, List<EmotionEvent>> emotions = new ConcurrentHashMap<>();
        public final Map<String, String> endReasons = new ConcurrentHashMap<>();
        private final Map<String, CountDownLatch> ended = new ConcurrentHashMap<>();

        @Override
        public void onTranscript(TranscriptEvent e) {
            transcripts.computeIfAbsent(e.callId(), k -> new CopyOnWriteArrayList<>()).add(e);
        }

        @Override
        public void onEmotion(EmotionEvent e) {
            emotions.computeIfAbsent(e.callId(), k -> new CopyOnWriteArrayList<>()).add(e);
        }

        @Override
        public void onCallEnded(String callId, String reason) {
            endReasons.put(callId, reason);
            latch(callId).countDown();
        }

        private CountDownLatch latch(String callId) {
            return ended.computeIfAbsent(callId, k -> new CountDownLatch(1));
        }

        public boolean awaitEnd(String callId, long seconds) throws InterruptedException {
            return latch(callId).await(seconds, TimeUnit.SECONDS);
        }

        public List<TranscriptEvent> finals(String callId) {
            return transcripts.getOrDefault(callId, List.of()).stream().filter(TranscriptEvent::isFinal).toList();
        }

        public String finalText(String callId) {
            return String.join(" ", finals(callId).stream().map(TranscriptEvent::text).toList());
        }
    }

    public static SpeechEngine.Builder engine(KeywordScorer scorer) {
        return SpeechEngine.builder().emotionScorer(scorer).voiceAnalyzers(DurationAnalyzer::new)
                .redactor(REDACT_MANAGER);
    }
}
