package com.callportrait.speech.asr;

import com.callportrait.speech.SpeechException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.vosk.Recognizer;

/**
 * One Vosk recogniser for one call, with word timings on final results.
 *
 * <p>Not thread-safe: Vosk recognisers must never be used by two threads at once. The pipeline
 * guarantees that by driving it only from the call's serial mailbox. Lifecycle: created at the
 * call's first utterance, {@link #close()}d when the call ends.
 */
public final class StreamingRecognizer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Recognizer recognizer;
    private final int sampleRate;
    private long fedSamples;

    /** A recogniser taking audio at the model's own rate. */
    public StreamingRecognizer(SpeechModel model) {
        this(model, model.sampleRate());
    }

    /**
     * A recogniser taking audio at {@code inputRate}; Kaldi resamples it to the model's rate itself
     * only if the model's feature config allows it ({@code --allow-upsample}); kept for the
     * resampling comparison in the accuracy benchmark.
     */
    public StreamingRecognizer(SpeechModel model, int inputRate) {
        try {
            this.recognizer = new Recognizer(model.vosk(), inputRate);
        } catch (IOException e) {
            throw new SpeechException("cannot create a Vosk recogniser", e);
        }
        this.sampleRate = inputRate;
        recognizer.setWords(true);
        recognizer.setPartialWords(false);
    }

    /** Feeds samples (16-bit range); true when Vosk detected the end of an utterance itself. */
    public boolean accept(float[] samples, int count) {
        fedSamples += count;
        return recognizer.acceptWaveForm(samples, count);
    }

    /** Seconds of audio fed so far: the recogniser's clock for word timings. */
    public double fedSeconds() {
        return fedSamples / (double) sampleRate;
    }

    /** The current best guess for the utterance in progress (text only, cheap-ish). */
    public String partial() {
        return read(recognizer.getPartialResult()).path("partial").asText("");
    }

    /** The result after Vosk's own endpoint ({@link #accept} returned true). */
    public RecognizedText result() {
        return parse(read(recognizer.getResult()));
    }

    /** Flushes the utterance in progress and returns its final result; the recogniser goes on after. */
    public RecognizedText finish() {
        return parse(read(recognizer.getFinalResult()));
    }

    @Override
    public void close() {
        recognizer.close();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new SpeechException("Vosk returned malformed JSON: " + json, e);
        }
    }

    static RecognizedText parse(JsonNode node) {
        String text = node.path("text").asText("").trim();
        List<Word> words = new ArrayList<>();
        for (JsonNode w : node.path("result")) {
            double start = w.path("start").asDouble();
            double end = Math.max(start, w.path("end").asDouble());
            double conf = Math.min(1, Math.max(0, w.path("conf").asDouble(1)));
            words.add(new Word(w.path("word").asText(), Math.max(0, start), Math.max(0, end), conf));
        }
        return new RecognizedText(text, words);
    }
}
