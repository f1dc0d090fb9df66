package com.callportrait.speech.asr;

import com.callportrait.speech.SpeechException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.vosk.Recognizer;

/**
 * One Vosk recogniser, with word timings on final results.
 *
 * <p>Vosk's word times count every sample the recogniser has been fed since it was created;
 * this class keeps the same count and reports times from its last {@link #restart()}, so a
 * recogniser reused for another call hands out timings starting at 0 again.
 *
 * <p>Not thread-safe: Vosk recognisers must never be used by two threads at once. The pipeline
 * guarantees that by driving it only from the call's serial mailbox. Lifecycle: created by the
 * {@link RecognizerPool}, leased, restarted between leases, {@link #close()}d when retired.
 */
public final class StreamingRecognizer implements SpeechRecognizer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Recognizer recognizer;
    private final int sampleRate;
    /** Samples fed since creation: Vosk's own clock. */
    private long fedSamples;
    /** {@link #fedSamples} at the last restart: where this lease's clock starts. */
    private long baseSamples;
    private final float[] restartPad;

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
        this.restartPad = new float[Math.max(1, inputRate / 100)]; // 10 ms of digital silence
        recognizer.setWords(true);
        recognizer.setPartialWords(false);
    }

    @Override
    public boolean accept(float[] samples, int count) {
        fedSamples += count;
        return recognizer.acceptWaveForm(samples, count);
    }

    @Override
    public double fedSeconds() {
        return (fedSamples - baseSamples) / (double) sampleRate;
    }

    @Override
    public String partial() {
        return read(recognizer.getPartialResult()).path("partial").asText("");
    }

    @Override
    public RecognizedText result() {
        return parse(read(recognizer.getResult()), baseSamples / (double) sampleRate);
    }

    @Override
    public RecognizedText finish() {
        return parse(read(recognizer.getFinalResult()), baseSamples / (double) sampleRate);
    }

    /**
     * Vosk's {@code reset()} alone only restarts the search: it keeps the feature pipeline, and
     * with it the previous caller's i-vector and mean statistics. Only a recogniser whose input
     * was finished ({@code getFinalResult()} while running) builds a new pipeline when audio next
     * arrives, so this feeds 10 ms of silence (to be sure it is running) and finishes it, then
     * drops what that returned.
     */
    @Override
    public void restart() {
        recognizer.acceptWaveForm(restartPad, restartPad.length);
        fedSamples += restartPad.length;
        recognizer.getFinalResult();
        baseSamples = fedSamples;
    }

    @Override
    public int sampleRate() {
        return sampleRate;
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
        return parse(node, 0);
    }

    /** The result with word times moved back by {@code originSec} (the clock's start). */
    static RecognizedText parse(JsonNode node, double originSec) {
        String text = node.path("text").asText("").trim();
        List<Word> words = new ArrayList<>();
        for (JsonNode w : node.path("result")) {
            double start = Math.max(0, w.path("start").asDouble() - originSec);
            double end = Math.max(start, w.path("end").asDouble() - originSec);
            double conf = Math.min(1, Math.max(0, w.path("conf").asDouble(1)));
            words.add(new Word(w.path("word").asText(), start, end, conf));
        }
        return new RecognizedText(text, words);
    }
}
