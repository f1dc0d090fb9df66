package com.callportrait.speech.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.callportrait.speech.asr.AsrOptions;
import com.callportrait.speech.asr.RecognizerPoolOptions;
import com.callportrait.speech.asr.SpeechModel;
import com.callportrait.speech.asr.Word;
import com.callportrait.speech.audio.AudioFiles;
import com.callportrait.speech.audio.Pcm;
import com.callportrait.speech.audiosocket.AudioSocketFrame;
import com.callportrait.speech.audiosocket.SlinRate;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A recogniser reused for another call carries nothing of the caller before: caller B's
 * transcript on the recogniser that has just heard caller A has none of A's words, and B's
 * words come at the times a brand-new recogniser gives them, counted from B's own start.
 */
class RecognizerReuseIT {
    static SpeechModel model;
    static AudioFiles.Pcm16 callerA;
    static AudioFiles.Pcm16 callerB;
    static String lastCall;

    @BeforeAll
    static void load() throws Exception {
        model = SpeechModel.load(AsrOptions.defaults());
        callerA = AudioFiles.read(audio("call-8k.wav"));  // three sentences about a bill and a manager, 8 kHz
        callerB = AudioFiles.read(audio("thanks-16k.wav")); // "thank you so much for your help", 16 kHz
    }

    @AfterAll
    static void free() {
        model.close();
    }

    static Path audio(String name) throws Exception {
        return Path.of(RecognizerReuseIT.class.getResource("/audio/it/" + name).toURI());
    }

    static SpeechEngine engine(RecognizerPoolOptions pool) {
        return TestDoubles.engine(new TestDoubles.KeywordScorer()).model(model)
                .options(AsrOptions.builder().queueFrames(5000).recognizers(pool).build()).build();
    }

    /** Plays a recording into a new call as 20 ms AudioSocket frames of its own rate, then hangs up. */
    static List<TranscriptEvent> play(SpeechEngine engine, TestDoubles.Collector events, AudioFiles.Pcm16 pcm)
            throws Exception {
        String id = UUID.randomUUID().toString();
        CallTranscriber call = engine.openCall(id);
        SlinRate rate = SlinRate.ofHz(pcm.rate()).orElseThrow();
        int step = rate.hz() / 50;
        for (int at = 0; at + step <= pcm.samples().length; at += step) {
            call.audio(new AudioSocketFrame.Audio(rate, Pcm.toBytes(java.util.Arrays.copyOfRange(pcm.samples(), at,
                    at + step), step)));
        }
        call.end("hangup");
        assertThat(events.awaitEnd(id, 60)).isTrue();
        lastCall = id;
        return events.finals(id);
    }

    static Set<String> words(List<TranscriptEvent> finals) {
        return finals.stream().flatMap(e -> e.words().stream()).map(Word::text).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @EnumSource(RecognizerPoolOptions.Lease.class)
    void callerBGetsWhatAFreshRecognizerGivesAfterCallerAUsedTheSameOne(RecognizerPoolOptions.Lease lease)
            throws Exception {
        List<TranscriptEvent> fresh;
        TestDoubles.Collector freshEvents = new TestDoubles.Collector();
        try (SpeechEngine unpooled = engine(RecognizerPoolOptions.builder().max(0).warm(0).lease(lease).build())) {
            unpooled.addListener(freshEvents);
            fresh = play(unpooled, freshEvents, callerB);
        }
        TestDoubles.Collector events = new TestDoubles.Collector();
        // one recogniser in the pool, warmed first: A and then B must share it
        try (SpeechEngine pooled = engine(RecognizerPoolOptions.builder().max(1).warm(1).lease(lease).build())) {
            pooled.addListener(events);
            List<TranscriptEvent> a = play(pooled, events, callerA);
            List<TranscriptEvent> b = play(pooled, events, callerB);
            assertThat(pooled.recognizers().size()).isEqualTo(1);
            assertThat(registryCount(pooled, "cp.speech.recognizers.created")).isEqualTo(1);

            assertThat(words(a)).contains("waiting"); // A was heard
            assertThat(String.join(" ", b.stream().map(TranscriptEvent::text).toList()))
                    .contains("thank you so much for your help");
            Set<String> onlyA = words(a);
            onlyA.removeAll(words(fresh));
            assertThat(words(b)).doesNotContainAnyElementsOf(onlyA);
            for (TranscriptEvent e : events.transcripts.get(lastCall)) { // partials too
                assertThat(e.text().split(" ")).as(e.text()).doesNotContainAnyElementsOf(onlyA);
            }
            // the same words at the same times as a new recogniser heard them; a warm recogniser can
            // still differ on a doubtful last word, because its graph cache numbers the composed
            // states in another order and the decoder's pruning breaks ties by that order
            List<Word> heard = b.stream().flatMap(e -> e.words().stream()).toList();
            List<Word> reference = fresh.stream().flatMap(e -> e.words().stream()).toList();
            for (int i = 0; i < 7; i++) {
                assertThat(heard.get(i).text()).isEqualTo(reference.get(i).text());
                assertThat(heard.get(i).startSec()).isCloseTo(reference.get(i).startSec(), within(0.05));
                assertThat(heard.get(i).endSec()).isCloseTo(reference.get(i).endSec(), within(0.05));
            }
            // timings are B's own: they start within B's first second, not after A's audio
            Word first = b.get(0).words().get(0);
            assertThat(first.startSec()).isLessThan(1.0);
            assertThat(b.get(b.size() - 1).endSec()).isLessThanOrEqualTo(callerB.seconds() + 0.05);
        }
    }

    static double registryCount(SpeechEngine engine, String name) {
        return engine.metrics().registry().get(name).counter().count();
    }
}
