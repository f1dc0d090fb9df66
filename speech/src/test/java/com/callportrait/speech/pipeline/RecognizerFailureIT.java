package com.callportrait.speech.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.speech.asr.AsrOptions;
import com.callportrait.speech.asr.RecognizedText;
import com.callportrait.speech.asr.RecognizerPoolOptions;
import com.callportrait.speech.asr.SpeechModel;
import com.callportrait.speech.asr.SpeechRecognizer;
import com.callportrait.speech.asr.StreamingRecognizer;
import com.callportrait.speech.audio.AudioFiles;
import com.callportrait.speech.audio.Pcm;
import com.callportrait.speech.audiosocket.AudioSocketFrame;
import com.callportrait.speech.audiosocket.SlinRate;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A recogniser that throws in the middle of a call is replaced, and the call goes on. */
class RecognizerFailureIT {

    /** A real Vosk recogniser that throws on its {@code failAt}-th chunk of audio (a native fault, say). */
    static final class FailingRecognizer implements SpeechRecognizer {
        private final StreamingRecognizer real;
        private final int failAt;
        private int accepted;

        FailingRecognizer(StreamingRecognizer real, int failAt) {
            this.real = real;
            this.failAt = failAt;
        }

        @Override
        public boolean accept(float[] samples, int count) {
            if (++accepted == failAt) {
                throw new IllegalStateException("simulated recogniser fault");
            }
            return real.accept(samples, count);
        }

        @Override
        public double fedSeconds() {
            return real.fedSeconds();
        }

        @Override
        public String partial() {
            return real.partial();
        }

        @Override
        public RecognizedText result() {
            return real.result();
        }

        @Override
        public RecognizedText finish() {
            return real.finish();
        }

        @Override
        public void restart() {
            real.restart();
        }

        @Override
        public int sampleRate() {
            return real.sampleRate();
        }

        @Override
        public void close() {
            real.close();
        }
    }

    @Test
    void theCallGoesOnWithAFreshRecognizerAfterOneThrows() throws Exception {
        AtomicInteger made = new AtomicInteger();
        TestDoubles.Collector events = new TestDoubles.Collector();
        // the first recogniser fails 30 chunks (0.6 s) into the first sentence; later ones are sound
        try (SpeechEngine engine = TestDoubles.engine(new TestDoubles.KeywordScorer())
                .options(AsrOptions.builder().queueFrames(5000)
                        .recognizers(RecognizerPoolOptions.builder().max(2).warm(0).build()).build())
                .recognizerFactory((SpeechModel m) -> made.incrementAndGet() == 1
                        ? new FailingRecognizer(new StreamingRecognizer(m), 30)
                        : new FailingRecognizer(new StreamingRecognizer(m), Integer.MAX_VALUE))
                .build()) {
            engine.addListener(events);
            AudioFiles.Pcm16 call = AudioFiles.read(Path.of(getClass().getResource("/audio/it/call-8k.wav").toURI()));
            String id = "failing-call";
            CallTranscriber t = engine.openCall(id);
            for (int at = 0; at + 160 <= call.samples().length; at += 160) {
                t.audio(new AudioSocketFrame.Audio(SlinRate.SLIN_8K,
                        Pcm.toBytes(Arrays.copyOfRange(call.samples(), at, at + 160), 160)));
            }
            t.end("hangup");
            assertThat(events.awaitEnd(id, 60)).isTrue();

            List<TranscriptEvent> finals = events.finals(id);
            // what the failed recogniser had heard of the first sentence ("i've been ...") is lost;
            // the next frames of speech start a new utterance on a new recogniser at once
            assertThat(events.finalText(id)).contains("since yesterday").contains("cancel my subscription")
                    .doesNotContain("been waiting");
            assertThat(finals.get(0).degraded()).as("the utterance after the fault is marked degraded").isTrue();
            assertThat(finals.get(finals.size() - 1).degraded()).isFalse();
            assertThat(events.endReasons).containsEntry(id, "hangup");
            assertThat(made.get()).isEqualTo(2);
            assertThat(engine.metrics().registry().get("cp.speech.recognizers.retired").tag("reason", "failed")
                    .counter().count()).isEqualTo(1);
            assertThat(engine.recognizers().size()).isEqualTo(1);
        }
    }
}
