package com.callportrait.bench.speech;

import com.callportrait.speech.emotion.EmotionReading;
import com.callportrait.speech.emotion.EmotionScorer;
import com.callportrait.speech.emotion.Emotions;
import com.callportrait.speech.emotion.VoiceAnalyzer;
import com.callportrait.speech.emotion.VoiceFeatures;
import com.callportrait.speech.emotion.internal.FusedEmotionScorer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * What the voice changes: the same words said calmly and agitatedly (espeak-ng recordings at 8 kHz,
 * committed under {@code speech/src/test/resources/emotion/voice}), each after three calm baseline
 * utterances of the same synthetic caller, scored words-only, calm and agitated. Stateless.
 */
final class VoiceEffect {

    private record Sentence(String name, String text) {
    }

    private static final List<Sentence> SENTENCES = List.of(
            new Sentence("negative", "i am really upset about this bill it is wrong again"),
            new Sentence("neutral", "i would like to check the date of my next payment"),
            new Sentence("satisfied", "thank you that fixed it"));
    private static final String[] BASELINE = {"hello i am calling about my bill",
        "my account number is four five six seven", "it was sent to me last week"};

    private VoiceEffect() {
    }

    static void run(Path dir, PrintStream out) throws IOException {
        if (!Files.isDirectory(dir)) {
            out.println("(voice recordings not found at " + dir + ", voice comparison skipped)");
            return;
        }
        EmotionScorer scorer = Emotions.scorer();
        out.println("| words | voice | loudness z | pitch z | agitation | label | confidence | valence | arousal |");
        out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (Sentence s : SENTENCES) {
            row(out, s.text, "none (words only)", VoiceFeatures.NONE, scorer.score(s.text, VoiceFeatures.NONE));
            for (String style : List.of("calm", "agitated")) {
                VoiceFeatures v = afterBaseline(dir, s.name + "-" + style, s.text);
                row(out, s.text, style, v, scorer.score(s.text, v));
            }
        }
        out.println();
    }

    private static void row(PrintStream out, String text, String style, VoiceFeatures v, EmotionReading r) {
        boolean none = v.durationSec() <= 0;
        out.printf("| %s | %s | %s | %s | %s | %s | %.2f | %.2f | %.2f |%n", text, style,
                none ? "" : String.format("%.2f", v.loudness()), none ? "" : String.format("%.2f", v.pitch()),
                none ? "" : String.format("%.2f", FusedEmotionScorer.agitation(v)), r.label().wireName(),
                r.confidence(), r.valence(), r.arousal());
    }

    private static VoiceFeatures afterBaseline(Path dir, String name, String text) throws IOException {
        VoiceAnalyzer voice = Emotions.newVoiceAnalyzer();
        for (int i = 0; i < BASELINE.length; i++) {
            feed(voice, dir.resolve("baseline-" + (i + 1) + ".wav"));
            voice.endUtterance(BASELINE[i].split(" ").length);
        }
        feed(voice, dir.resolve(name + ".wav"));
        return voice.endUtterance(text.split(" ").length);
    }

    private static void feed(VoiceAnalyzer voice, Path wav) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(wav));
             AudioInputStream in = AudioSystem.getAudioInputStream(raw)) {
            byte[] bytes = in.readAllBytes();
            short[] pcm = new short[bytes.length / 2];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(pcm);
            voice.accept(pcm, pcm.length, (int) in.getFormat().getSampleRate());
        } catch (UnsupportedAudioFileException e) {
            throw new IOException("not a PCM WAV file: " + wav, e);
        }
    }
}
