package com.callportrait.portrait.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One registered model version: what it is, when it was trained, on which data, how it scored,
 * whether the evaluation gate accepted it, and its Tribuo provenance. Immutable; stored as
 * {@code meta.json}. Versions written before the data window and source were recorded read with
 * source {@code batch} and no window.
 *
 * @param model            model name ({@code complaint_risk}, {@code segment})
 * @param version          1, 2, ...
 * @param createdAt        training time
 * @param status           {@code accepted} (became current) or {@code refused} (worse than current)
 * @param gateMetric       the metric the gate compared ({@code auc}, {@code silhouette})
 * @param candidate        the candidate's gate metric on the held-out set
 * @param incumbent        the then-current model's gate metric on the same set, NaN when there was none
 * @param metrics          all metrics measured at training
 * @param trainedOn        counts of the data the training saw ({@code customers}, {@code labelled},
 *                         {@code positives}, {@code heldout}, {@code heldout_positive}, ...)
 * @param provenance       Tribuo's model provenance, as text
 * @param source           {@value #BATCH} ({@code profile build}) or {@value #LIVE_RECORDS} (retrained
 *                         in the running server on the records it received)
 * @param dataFrom         the oldest record the training data held, or {@code null} when unknown
 * @param dataTo           the moment the features and labels were taken as of, or {@code null} when unknown
 * @param tribuoProvenance Tribuo's marshalled provenance in OLCUT's JSON layout
 *                         ({@link ProvenanceJson}), or {@code null} when the model has none
 */
public record ModelVersion(String model, int version, Instant createdAt, String status, String gateMetric,
                           double candidate, double incumbent, Map<String, Double> metrics,
                           Map<String, Long> trainedOn, String provenance, String source, Instant dataFrom,
                           Instant dataTo, JsonNode tribuoProvenance) {
    /** Trained by {@code profile build}. */
    public static final String BATCH = "batch";
    /** Retrained in the running server on the records it received. */
    public static final String LIVE_RECORDS = "live-records";

    public ModelVersion {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(status, "status");
        metrics = Map.copyOf(metrics);
        trainedOn = Map.copyOf(trainedOn);
        provenance = provenance == null ? "" : provenance;
        source = source == null || source.isBlank() ? BATCH : source;
    }

    /** A version without data window, source ({@value #BATCH}) or JSON provenance. */
    public ModelVersion(String model, int version, Instant createdAt, String status, String gateMetric,
                        double candidate, double incumbent, Map<String, Double> metrics,
                        Map<String, Long> trainedOn, String provenance) {
        this(model, version, createdAt, status, gateMetric, candidate, incumbent, metrics, trainedOn, provenance,
                BATCH, null, null, null);
    }

    public boolean accepted() {
        return status.equals("accepted");
    }
}
