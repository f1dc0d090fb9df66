package com.callportrait.speech.pipeline;

import com.callportrait.speech.SpeechException;
import com.callportrait.speech.audio.AudioFiles;
import com.callportrait.speech.audio.PolyphaseResampler;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bundled audio recognisers are warmed on at start-up: a synthetic caller saying two
 * call-centre sentences (8 kHz, 6 s, cut from {@code call-8k.wav} of
 * {@code src/test/audio/make-testset.sh}), converted to the model's rate. A recogniser's first
 * three seconds of speech cost most of its cold start; six are enough. Stateless; {@link #load}
 * reads it afresh each time.
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
