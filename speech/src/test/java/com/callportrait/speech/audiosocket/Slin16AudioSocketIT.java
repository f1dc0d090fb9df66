package com.callportrait.speech.audiosocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.speech.asr.AsrOptions;
import com.callportrait.speech.audio.AudioFiles;
import com.callportrait.speech.pipeline.SpeechEngine;
import com.callportrait.speech.pipeline.TestDoubles;
import com.callportrait.speech.pipeline.TranscriptEvent;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What {@code Dial(AudioSocket/host:port/uuid/c(slin16))} sends (kind {@code 0x12}, 640-byte
 * frames of 16 kHz) and what the {@code AudioSocket()} application sends (kind {@code 0x10},
 * 320-byte frames of 8 kHz), over real sockets at once, both transcribed.
 */
class Slin16AudioSocketIT {

    static byte[] stream(UUID id, SlinRate rate, short[] samples) {
        int perFrame = rate.hz() / 50;
        int frames = samples.length / perFrame;
        ByteBuffer b = ByteBuffer.allocate(19 + frames * (3 + perFrame * 2) + 3);
        b.put((byte) 0x01).putShort((short) 16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        for (int f = 0; f < frames; f++) {
            b.put((byte) rate.kind()).putShort((short) (perFrame * 2));
            b.order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < perFrame; i++) {
                b.putShort(samples[f * perFrame + i]);
            }
            b.order(ByteOrder.BIG_ENDIAN);
        }
        b.put((byte) 0x00).putShort((short) 0); // hangup
        return b.array();
    }

    static short[] read(String name) throws Exception {
        return AudioFiles.read(Path.of(Slin16AudioSocketIT.class.getResource("/audio/it/" + name).toURI())).samples();
    }

    @Test
    void slin16AndSlin8SessionsAreBothTranscribed() throws Exception {
        TestDoubles.Collector events = new TestDoubles.Collector();
        try (SpeechEngine engine = TestDoubles.engine(new TestDoubles.KeywordScorer())
                .options(AsrOptions.defaults().withQueueFrames(5000)).build()) {
            engine.addListener(events);
            AudioSocketServer server = engine.startAudioSocket(AudioSocketOptions.defaults().withHost("127.0.0.1")
                    .withPort(0));
            UUID wide = UUID.randomUUID();
            UUID narrow = UUID.randomUUID();
            byte[] wideBytes = stream(wide, SlinRate.SLIN_16K, read("thanks-16k.wav"));
            byte[] narrowBytes = stream(narrow, SlinRate.SLIN_8K, read("bill-8k.raw"));
            assertThat(wideBytes[19]).isEqualTo((byte) 0x12);
            assertThat(ByteBuffer.wrap(wideBytes, 20, 2).getShort()).isEqualTo((short) 640);
            try (Socket a = new Socket("127.0.0.1", server.port()); Socket b = new Socket("127.0.0.1", server.port())) {
                OutputStream wa = a.getOutputStream();
                OutputStream wb = b.getOutputStream();
                wa.write(wideBytes);
                wb.write(narrowBytes);
                wa.flush();
                wb.flush();
                assertThat(events.awaitEnd(wide.toString(), 60)).isTrue();
                assertThat(events.awaitEnd(narrow.toString(), 60)).isTrue();
            }
            assertThat(events.finalText(wide.toString())).contains("thank you so much for your help");
            assertThat(events.finalText(narrow.toString())).contains("to speak to a [ROLE]");
            List<TranscriptEvent> finals = events.finals(wide.toString());
            assertThat(finals.get(0).words()).isNotEmpty();
            assertThat(finals.get(0).words().get(0).startSec()).isLessThan(1.0);
            assertThat(events.endReasons).containsEntry(wide.toString(), "hangup frame");
            assertThat(engine.metrics().shedCount()).isZero();
        }
    }
}
