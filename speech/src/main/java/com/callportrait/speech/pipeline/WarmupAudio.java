package com.callportrait.speech.pipeline;

import com.callportrait.speech.SpeechException;
import com.callportrait.speech.audio.AudioFiles;
import com.callportrait.speech.audio.PolyphaseResampler;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bundled audio recognisers are warmed on at start-up: a synthetic caller saying three
 * call-centre sentences (8 kHz, about 11 s, made by {@code src/test/audio/make-testset.sh}),
 * converted to the model's rate. Stateless; {@link #load} reads it afresh each time.
 */
final class WarmupAudio {
    static final String RESOURCE = "/asr/warmup-8k.wav";

    private WarmupAudio() {
    }

    /** The samples at {@code modelRate}, 16-bit range. */
    static float[] load(int modelRate) {
        try (InputStream in = WarmupAudio.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new SpeechException("the warm-up audio " + RESOURCE + " is missing from the class path");
            }
            AudioFiles.Pcm16 pcm = AudioFiles.readWav(in, RESOURCE);
            return new PolyphaseResampler(pcm.rate(), modelRate).process(pcm.samples(), pcm.samples().length);
        } catch (IOException e) {
            throw new SpeechException("cannot read the warm-up audio " + RESOURCE, e);
        }
    }
}
