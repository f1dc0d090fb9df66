package com.callportrait.cli;

import com.callportrait.speech.emotion.EmotionReading;
import com.callportrait.speech.emotion.EmotionScorer;
import com.callportrait.speech.emotion.Emotions;
import com.callportrait.speech.emotion.TextEmotion;
import com.callportrait.speech.emotion.TextEmotionModel;
import com.callportrait.speech.emotion.VoiceFeatures;
import com.callportrait.speech.redact.Redactor;
import com.callportrait.speech.redact.Redactors;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The {@code emotion} command: one text line in, one JSON object out, scored by the same scorer
 * (call-centre mood and escalation models) and redactor the live path uses (no audio, so no voice
 * features); {@code sentiment} is the group of the general model underneath:
 * <pre>{"text":"[redacted text]","label":"angry","valence":-0.61,"arousal":0.72,
 *  "confidence":0.58,"escalation":0.93,"sentiment":"negative"}</pre>
 * Blank lines are skipped. The raw line never leaves this class; only the redacted text is printed.
 *
 * <p>Stateless apart from the shared model; safe to use from several threads on different streams.
 * The logic of {@link EmotionCommand}, apart from picocli so that it is tested on streams.
 */
final class EmotionLines {

    private final TextEmotionModel model;
    private final EmotionScorer scorer;
    private final Redactor redactor;
    private final ObjectMapper json = new ObjectMapper();

    EmotionLines(TextEmotionModel model, Redactor redactor) {
        this.model = model;
        this.scorer = Emotions.scorer(model);
        this.redactor = redactor;
    }

    /** With the bundled model and the standard redactor. */
    static EmotionLines standard() {
        return new EmotionLines(TextEmotionModel.load(), Redactors.standard());
    }

    /** Reads lines until end of input; returns the number of lines scored. */
    int run(InputStream in, PrintWriter out) throws IOException {
        int n = 0;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            if (line.isBlank()) {
                continue;
            }
            out.println(json.writeValueAsString(toJson(line)));
            n++;
        }
        out.flush();
        return n;
    }

    /** The JSON object for one line. */
    ObjectNode toJson(String line) {
        TextEmotion t = model.predict(line);
        EmotionReading e = scorer.score(line, VoiceFeatures.NONE);
        ObjectNode o = json.createObjectNode();
        o.put("text", redactor.redact(line));
        o.put("label", e.label().wireName());
        o.put("valence", round(e.valence()));
        o.put("arousal", round(e.arousal()));
        o.put("confidence", round(e.confidence()));
        o.put("escalation", round(e.escalation()));
        o.put("sentiment", t.group().wireName());
        return o;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
