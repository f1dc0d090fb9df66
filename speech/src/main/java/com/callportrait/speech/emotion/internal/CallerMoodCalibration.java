package com.callportrait.speech.emotion.internal;

import java.util.Map;
import java.util.Objects;

/**
 * What is stored next to the call-centre models (JSON): version, date, the softmax temperatures
 * fitted on a held-out part of the generated training data, and where the training data came from
 * (SHA-256 of each input file and the generator settings), so that a test can check the bundled
 * model against the data it claims. Immutable.
 *
 * @param version               model version, e.g. {@code 2.0.0}
 * @param trainedAt             ISO-8601 instant of training
 * @param moodTemperature       softmax temperature of the mood model, &gt; 0
 * @param escalationTemperature softmax temperature of the escalation model, &gt; 0
 * @param dataSha256            file name to SHA-256 of every training input
 * @param config                the training settings (seed, sizes, trainer), as text
 * @param notes                 held-out scores and remarks
 */
public record CallerMoodCalibration(String version, String trainedAt, double moodTemperature,
        double escalationTemperature, Map<String, String> dataSha256, String config, String notes) {

    public CallerMoodCalibration {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(trainedAt, "trainedAt");
        if (!(moodTemperature > 0) || !(escalationTemperature > 0)) {
            throw new IllegalArgumentException("temperatures must be > 0, were " + moodTemperature
                    + " and " + escalationTemperature);
        }
        dataSha256 = dataSha256 == null ? Map.of() : Map.copyOf(dataSha256);
        config = config == null ? "" : config;
        notes = notes == null ? "" : notes;
    }
}
