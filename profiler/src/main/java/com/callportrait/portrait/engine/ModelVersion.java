package com.callportrait.portrait.engine;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One registered model version: what it is, when it was trained, how it scored, whether the
 * evaluation gate accepted it, and its Tribuo provenance. Immutable; stored as {@code meta.json}.
 *
 * @param model      model name ({@code complaint_risk}, {@code segment})
 * @param version    1, 2, ...
 * @param createdAt  training time
 * @param status     {@code accepted} (became current) or {@code refused} (worse than current)
 * @param gateMetric the metric the gate compared ({@code auc}, {@code silhouette})
 * @param candidate  the candidate's gate metric on the held-out set
 * @param incumbent  the then-current model's gate metric on the same set, NaN when there was none
 * @param metrics    all metrics measured at training
 * @param trainedOn  records the training saw (e.g. customers, labelled)
 * @param provenance Tribuo's model provenance, as text
 */
public record ModelVersion(String model, int version, Instant createdAt, String status, String gateMetric,
                           double candidate, double incumbent, Map<String, Double> metrics,
                           Map<String, Long> trainedOn, String provenance) {
    public ModelVersion {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(status, "status");
        metrics = Map.copyOf(metrics);
        trainedOn = Map.copyOf(trainedOn);
        provenance = provenance == null ? "" : provenance;
    }

    public boolean accepted() {
        return status.equals("accepted");
    }
}
