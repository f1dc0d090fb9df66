package com.callportrait.speech.emotion.internal;

import com.callportrait.speech.emotion.SentimentGroup;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What is fitted after the Tribuo model, on a held-out part of the TRAIN split (never on dev):
 * a softmax temperature that makes the confidence calibrated, and one additive log-probability
 * offset per sentiment group that trades precision for recall of the rare groups (macro-F1).
 * Stored next to the model as JSON.
 *
 * @param version     model version, e.g. {@code 1.0.0}
 * @param trainedAt   ISO-8601 instant of training
 * @param temperature softmax temperature, &gt; 0 (1 = as trained)
 * @param groupBias   log-probability offset per group
 * @param notes       free text: data, features, held-out scores
 */
public record TextModelCalibration(String version, String trainedAt, double temperature,
        Map<SentimentGroup, Double> groupBias, String notes) {

    public TextModelCalibration {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(trainedAt, "trainedAt");
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be > 0, was " + temperature);
        }
        EnumMap<SentimentGroup, Double> b = new EnumMap<>(SentimentGroup.class);
        for (SentimentGroup g : SentimentGroup.values()) {
            Double v = groupBias == null ? null : groupBias.get(g);
            b.put(g, v == null ? 0.0 : v);
        }
        groupBias = Map.copyOf(b);
        notes = notes == null ? "" : notes;
    }

    /** The offset for {@code group}. */
    public double bias(SentimentGroup group) {
        return groupBias.get(group);
    }
}
