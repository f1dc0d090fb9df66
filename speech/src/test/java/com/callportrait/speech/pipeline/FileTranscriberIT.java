package com.callportrait.speech.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.speech.emotion.EmotionLabel;
import com.callportrait.speech.pipeline.FileTranscriber.UtteranceResult;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Committed espeak-ng recordings (see src/test/audio/make-testset.sh) through the live path. */
class FileTranscriberIT {
    static SpeechEngine engine;
    static FileTranscriber transcriber;
    static TestDoubles.Collector events = new TestDoubles.Collector();

    @BeforeAll
    static void start() {
        engine = TestDoubles.engine(new TestDoubles.KeywordScorer()).build();
        engine.addListener(events);
        transcriber = new FileTranscriber(engine);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static Path audio(String name) throws URISyntaxException {
        return Path.of(FileTranscriberIT.class.getResource("/audio/it/" + name).toURI());
    }

    static String text(List<UtteranceResult> results) {
        return String.join(" ", results.stream().map(UtteranceResult::text).toList());
    }

    @Test
    void telephoneRecordingsInEveryEncoding() throws Exception {
        // "my bill is wrong and i want to speak to a manager", 8 kHz: mu-law, A-law, raw slin (the
        // small model hears this synthetic "my bill is wrong" as "daily blog": the rest is right)
        for (String name : List.of("bill-ulaw8k.wav", "bill-alaw8k.wav", "bill-8k.raw")) {
            List<UtteranceResult> r = transcriber.transcribe(audio(name));
            assertThat(text(r)).as(name).contains("and i want").contains("to speak to a [ROLE]")
                    .doesNotContain("manager");
            assertThat(r.get(0).file()).endsWith(name);
            assertThat(r).extracting(u -> u.emotion().label()).contains(EmotionLabel.ANGRY);
            String json = FileTranscriber.toJson(r.get(0));
            assertThat(json).contains("\"file\":").contains("\"words\":[{\"text\":").contains("\"label\":\"ANGRY\"");
        }
    }

    @Test
    void wideBandRecordingsUseTheirOwnFrameKind() throws Exception {
        for (String name : List.of("thanks-16k.wav", "thanks-44k.wav")) {
            assertThat(text(transcriber.transcribe(audio(name)))).as(name).contains("thank you so much for your help");
        }
    }

    @Test
    void aCallWithPausesGivesOneTimedUtterancePerSentenceAndPartials() throws Exception {
        List<UtteranceResult> r = transcriber.transcribe(audio("call-8k.wav"));
        assertThat(r).hasSize(3);
        assertThat(r.get(0).text()).contains("waiting for an hour");
        assertThat(r.get(1).text()).contains("the internet has been").contains("since yesterday");
        assertThat(r.get(2).text()).contains("cancel my subscription");
        // one second of silence before each sentence: starts near 1 s, then in order with gaps
        assertThat(r.get(0).start()).isBetween(0.8, 1.4);
        assertThat(r.get(1).start()).isGreaterThan(r.get(0).end() + 0.5);
        assertThat(r.get(2).start()).isGreaterThan(r.get(1).end() + 0.5);
        assertThat(r).allSatisfy(u -> assertThat(u.words()).isNotEmpty());
        // while the caller spoke, partial results came before each final
        List<TranscriptEvent> partials = events.transcripts.values().stream().flatMap(List::stream)
                .filter(e -> !e.isFinal()).toList();
        assertThat(partials).isNotEmpty().allSatisfy(p -> assertThat(p.words()).isEmpty());
    }
}
