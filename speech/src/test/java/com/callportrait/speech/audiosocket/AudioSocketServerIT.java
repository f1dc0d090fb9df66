package com.callportrait.speech.audiosocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.speech.asr.AsrOptions;
import com.callportrait.speech.asr.Word;
import com.callportrait.speech.emotion.EmotionLabel;
import com.callportrait.speech.pipeline.EmotionEvent;
import com.callportrait.speech.pipeline.SpeechEngine;
import com.callportrait.speech.pipeline.TestDoubles;
import com.callportrait.speech.pipeline.TranscriptEvent;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real sockets, the real server, the bundled Vosk model, the recorded Asterisk stream. */
class AudioSocketServerIT {
    static final UUID RECORDED = UUID.fromString("3d6a2e28-b1c8-4948-baed-34d706a0a6f8");
    static SpeechEngine engine;
    static AudioSocketServer server;
    static TestDoubles.Collector events = new TestDoubles.Collector();
    static TestDoubles.KeywordScorer scorer = new TestDoubles.KeywordScorer();
    static byte[] recording;

    @BeforeAll
    static void start() throws Exception {
        // a deep queue: these tests send faster than real time and must not shed
        engine = TestDoubles.engine(scorer).options(AsrOptions.defaults().withQueueFrames(5000)).build();
        engine.addListener(events);
        server = engine.startAudioSocket(AudioSocketOptions.defaults().withHost("127.0.0.1").withPort(0));
        try (InputStream in = AudioSocketServerIT.class.getResourceAsStream("/audiosocket/audiosocket-inbound.bin")) {
            recording = in.readAllBytes();
        }
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static byte[] uuidFrame(UUID id) {
        return ByteBuffer.allocate(19).put((byte) 1).putShort((short) 16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array();
    }

    @Test
    void transcribesTheRecordedCallWhileABrokenSessionIsEnded() throws Exception {
        int half = 19 + 186 * 323;
        UUID broken = UUID.randomUUID();
        try (Socket good = new Socket("127.0.0.1", server.port());
             Socket bad = new Socket("127.0.0.1", server.port())) {
            OutputStream g = good.getOutputStream();
            g.write(recording, 0, half);
            g.flush();

            OutputStream b = bad.getOutputStream();
            b.write(uuidFrame(broken));
            b.write(recording, 19, 20 * 323); // 20 good frames
            b.write(new byte[] {0x10, 0x01, 0x41}); // then 321 bytes declared: odd, a violation
            b.write(new byte[321]);
            b.flush();
            assertThat(events.awaitEnd(broken.toString(), 20)).isTrue();
            assertThat(events.endReasons.get(broken.toString())).contains("protocol violation")
                    .contains("even number of bytes");
            assertThat(bad.getInputStream().read()).isEqualTo(-1); // the server closed that session

            g.write(recording, half, recording.length - half); // the good call goes on
            g.flush();
        } // closing the good socket = Asterisk hanging up: the utterance in progress is finalised
        String call = RECORDED.toString();
        assertThat(events.awaitEnd(call, 60)).isTrue();
        String text = events.finalText(call);
        // the README's reference decode: "been waiting for an hour and my gas really wrong again
        // this app that all i want to speak to a manager"
        assertThat(text).contains("waiting for an hour").contains("wrong again").contains("speak to a");
        assertThat(engine.metrics().registry().get("cp.speech.sessions.rejected").counter().count()).isEqualTo(1);
        assertThat(engine.metrics().shedCount()).isZero();

        // redaction reached text and words; the scorer saw the raw words
        assertThat(text).contains("[ROLE]").doesNotContain("manager");
        List<Word> words = events.finals(call).stream().flatMap(e -> e.words().stream()).toList();
        assertThat(words).extracting(Word::text).contains("waiting", "hour", "[ROLE]").doesNotContain("manager");
        assertThat(scorer.seen).anyMatch(s -> s.contains("manager"));
        // word timings are on the call's clock: inside the 7.46 s of audio and in order
        assertThat(words).allSatisfy(w -> assertThat(w.endSec()).isLessThanOrEqualTo(7.5));
        assertThat(words.stream().mapToDouble(Word::startSec).toArray()).isSorted();
        TranscriptEvent first = events.finals(call).get(0);
        assertThat(first.startSec()).isLessThan(first.endSec());
        List<EmotionEvent> emotions = events.emotions.get(call);
        assertThat(emotions).isNotEmpty();
        assertThat(emotions).extracting(e -> e.reading().label()).contains(EmotionLabel.ANGRY);
        assertThat(emotions.get(0).voice().durationSec()).isGreaterThan(0.5);
    }

    @Test
    void anOversizedFrameEndsOnlyThatSession() throws Exception {
        UUID id = UUID.randomUUID();
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(uuidFrame(id));
            out.write(new byte[] {0x10, (byte) 0xFF, (byte) 0xFE}); // 65534 bytes declared
            out.flush();
            assertThat(events.awaitEnd(id.toString(), 20)).isTrue();
            assertThat(events.endReasons.get(id.toString())).contains("over the limit");
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(Arrays.asList(engine.activeCalls())).isNotNull();
    }
}
