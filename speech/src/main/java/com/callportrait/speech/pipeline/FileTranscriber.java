package com.callportrait.speech.pipeline;

import com.callportrait.speech.SpeechException;
import com.callportrait.speech.asr.Word;
import com.callportrait.speech.audio.AudioFiles;
import com.callportrait.speech.audio.Pcm;
import com.callportrait.speech.audio.PolyphaseResampler;
import com.callportrait.speech.audiosocket.AudioSocketEncoder;
import com.callportrait.speech.audiosocket.AudioSocketFrame;
import com.callportrait.speech.audiosocket.AudioSocketOptions;
import com.callportrait.speech.audiosocket.AudioSocketServer;
import com.callportrait.speech.audiosocket.SlinRate;
import com.callportrait.speech.emotion.EmotionReading;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs recordings through exactly the live path: the audio is cut into 20 ms AudioSocket frames
 * of the kind for its rate (8 kHz to {@code 0x10}, 16 kHz to {@code 0x12}, 44.1 kHz to
 * {@code 0x15}...), encoded to bytes as Asterisk would send them, and decoded by the server's own
 * channel pipeline in an embedded channel, so the same session handler, call transcriber,
 * resampling, VAD, Vosk, emotion scoring and redaction run. Only rates AudioSocket has no kind
 * for (11.025, 22.05 kHz...) are first converted to 16 kHz. Faster than real time: it waits when
 * the call has a few frames queued instead of shedding.
 *
 * <p>Thread-safe: each file is its own call; several files may be transcribed at once.
 */
public final class FileTranscriber {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One utterance of a file: redacted text and words, and the emotion reading. */
    public record UtteranceResult(String file, int utterance, double start, double end, String text,
                                  List<Word> words, EmotionReading emotion, boolean degraded) {
    }

    private final SpeechEngine engine;
    private final AudioSocketOptions socketOptions = AudioSocketOptions.defaults();

    public FileTranscriber(SpeechEngine engine) {
        this.engine = engine;
    }

    public List<UtteranceResult> transcribe(Path file) throws InterruptedException {
        AudioFiles.Pcm16 audio = AudioFiles.read(file);
        short[] samples = audio.samples();
        SlinRate rate = SlinRate.ofHz(audio.rate()).orElse(null);
        if (rate == null) {
            PolyphaseResampler r = new PolyphaseResampler(audio.rate(), 16_000);
            float[] f = r.process(samples, samples.length);
            samples = new short[f.length];
            for (int i = 0; i < f.length; i++) {
                samples[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(f[i])));
            }
            rate = SlinRate.SLIN_16K;
        }
        String callId = UUID.randomUUID().toString();
        Results results = new Results(callId);
        engine.addListener(results);
        EmbeddedChannel channel = new EmbeddedChannel();
        AudioSocketServer.configure(channel.pipeline(), socketOptions, engine);
        try {
            write(channel, new AudioSocketFrame.Uuid(UUID.fromString(callId)));
            CallTranscriber call = engine.call(callId).orElseThrow(() -> new SpeechException("call did not open"));
            int frameSamples = rate.hz() / 50;
            // stay below the backlog at which the live path starts skipping partial results
            int limit = Math.max(1, Math.min(4, engine.options().queueFrames() / 2));
            for (int i = 0; i < samples.length; i += frameSamples) {
                int n = Math.min(frameSamples, samples.length - i);
                write(channel, new AudioSocketFrame.Audio(rate, Pcm.toBytes(Arrays.copyOfRange(samples, i, i + n), n)));
                while (call.backlog() > limit) {
                    Thread.sleep(1);
                }
            }
            channel.close(); // as Asterisk does at hangup: the last utterance is finalised
            if (!call.awaitFinished(5, TimeUnit.MINUTES)) {
                throw new SpeechException("transcription of " + file + " did not finish");
            }
        } finally {
            engine.removeListener(results);
            channel.finishAndReleaseAll();
        }
        return results.list(file.toString());
    }

    private static void write(EmbeddedChannel channel, AudioSocketFrame frame) {
        ByteBuf buf = Unpooled.buffer(3 + frame.payloadLength());
        AudioSocketEncoder.write(frame, buf);
        channel.writeInbound(buf);
    }

    /** One JSON object (one line) for a result. */
    public static String toJson(UtteranceResult r) {
        try {
            return JSON.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new SpeechException("cannot write JSON", e);
        }
    }

    private static final class Results implements SpeechListener {
        private final String callId;
        private final List<TranscriptEvent> finals = new ArrayList<>();
        private final Map<Integer, EmotionReading> emotions = new ConcurrentHashMap<>();

        Results(String callId) {
            this.callId = callId;
        }

        @Override
        public synchronized void onTranscript(TranscriptEvent e) {
            if (e.callId().equals(callId) && e.isFinal()) {
                finals.add(e);
            }
        }

        @Override
        public void onEmotion(EmotionEvent e) {
            if (e.callId().equals(callId)) {
                emotions.put(e.utterance(), e.reading());
            }
        }

        synchronized List<UtteranceResult> list(String file) {
            List<UtteranceResult> out = new ArrayList<>();
            for (TranscriptEvent t : finals) {
                out.add(new UtteranceResult(file, t.utterance(), round(t.startSec()), round(t.endSec()), t.text(),
                        t.words(), emotions.get(t.utterance()), t.degraded()));
            }
            return out;
        }

        private static double round(double v) {
            return Math.round(v * 1000) / 1000.0;
        }
    }
}
