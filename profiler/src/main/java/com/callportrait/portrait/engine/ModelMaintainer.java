package com.callportrait.portrait.engine;

import com.callportrait.portrait.risk.Auc;
import com.callportrait.portrait.risk.ComplaintRiskModel;
import com.callportrait.portrait.segment.SegmentModel;
import com.callportrait.portrait.segment.Silhouette;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the models current: counts new labelled records, says when a retrain is due under the
 * {@link RetrainPolicy}, retrains, and lets each candidate replace the current model only through
 * the {@link ModelRegistry}'s evaluation gate (complaint risk by AUC, segments by silhouette, both
 * measured for old and new on the same held-out customers). The current models are one immutable
 * {@link ModelBundle} behind an atomic reference: a retraining or a pick-up of a version another
 * instance published swaps it as a whole, and readers ({@link #current()}) never block. Thread-safe;
 * gating and restoring are serialised, training itself runs on the caller's thread.
 */
public final class ModelMaintainer {
    /** What the registry keeps next to the Tribuo risk model. */
    public record RiskSidecar(com.callportrait.portrait.features.Preprocessor pre, List<String> inputs,
                              com.callportrait.portrait.risk.Platt platt, int horizonDays, Map<String, Double> metrics) { }

    /** What the registry keeps next to the Tribuo K-means model. */
    public record SegmentSidecar(com.callportrait.portrait.features.Preprocessor pre, List<String> inputs,
                                 List<String> names, double[][] centroids, long[] sizes, Map<Integer, Double> silhouettes,
                                 com.callportrait.portrait.risk.ValueScorer value) { }

    /**
     * The gate's decisions of one retraining.
     *
     * @param outlookPromoted whether a churn-risk or next-contact candidate became current
     */
    public record Outcome(ModelVersion risk, ModelVersion segment, ModelBundle current, boolean outlookPromoted) {
        /** Without churn and next-contact promotions. */
        public Outcome(ModelVersion risk, ModelVersion segment, ModelBundle current) {
            this(risk, segment, current, false);
        }

        /** The complaint-risk and segment versions this retraining registered. */
        public java.util.List<ModelVersion> versions() {
            return java.util.List.of(risk, segment);
        }

        /** Whether any candidate became current (churn risk and next contact included). */
        public boolean promoted() {
            return risk.accepted() || segment.accepted() || outlookPromoted;
        }
    }

    /** Registry name of the complaint risk model. */
    public static final String RISK = "complaint_risk";
    /** Registry name of the segmentation. */
    public static final String SEGMENT = "segment";

    private final PortraitConfig config;
    private final java.util.function.Function<Pacer, HistoryStore> histories;
    private final ModelRegistry registry;
    private final RetrainPolicy policy;
    private final int trainCustomers;
    private final AtomicReference<ModelBundle> current = new AtomicReference<>();
    private final AtomicLong labelledSince = new AtomicLong();
    private volatile Instant lastTrained = Instant.EPOCH;

    public ModelMaintainer(PortraitConfig config, HistoryStore histories, ModelRegistry registry, RetrainPolicy policy,
                           int trainCustomers) {
        this(config, pacer -> histories, registry, policy, trainCustomers);
    }

    /**
     * A maintainer whose trainings each take the histories {@code snapshot} gives at that moment
     * (in the running server: a bounded sample of the histories every instance shares in Redis),
     * read at the training's pace (the pacer it is given).
     */
    public ModelMaintainer(PortraitConfig config, java.util.function.Function<Pacer, HistoryStore> snapshot,
                           ModelRegistry registry, RetrainPolicy policy, int trainCustomers) {
        this.config = config;
        this.histories = snapshot;
        this.registry = registry;
        this.policy = policy;
        this.trainCustomers = trainCustomers;
    }

    /** The models portraits are built with now, or {@code null} before the first training. */
    public ModelBundle current() {
        return current.get();
    }

    /**
     * Makes {@code bundle} the current models (trained at start without the registry, e.g. the
     * demo's); later candidates are gated against it.
     */
    public void install(ModelBundle bundle) {
        current.set(java.util.Objects.requireNonNull(bundle, "bundle"));
    }

    /** Counts new labelled records (complaints, surveys, dispositions) towards the retrain trigger. */
    public void labelled(long n) {
        labelledSince.addAndGet(n);
    }

    /**
     * Whether this process's own count or the policy's interval makes a retraining due. The running
     * server does not use it: its {@code RetrainScheduler} counts labelled records over every
     * instance in Redis and trains under a lease; this is the single-process form.
     */
    public boolean due(Instant now) {
        return current.get() == null || labelledSince.get() >= policy.afterLabelled()
                || !now.isBefore(lastTrained.plus(policy.every()));
    }

    /**
     * Makes the registry's current versions the current models of this process (a new process
     * then gates its candidates against them). Returns whether both models were restored.
     */
    public synchronized boolean restore() {
        var rv = registry.current(RISK);
        var sv = registry.current(SEGMENT);
        if (rv.isEmpty() || sv.isEmpty()) {
            return false;
        }
        return restore(Map.of(RISK, rv.get().version(), SEGMENT, sv.get().version()));
    }

    /**
     * Makes the given registry versions ({@link ModelBundle#versions()} form: model name to version)
     * the current models, swapping the whole bundle at once so a portrait is never built with a mix.
     * Churn risk and next contact come in the versions named, or the registry's current ones when the
     * map names none (a publication from an older instance).
     * Returns false (and keeps the current models) when a version or its sidecar is missing.
     */
    @SuppressWarnings("unchecked")
    public synchronized boolean restore(Map<String, Integer> versions) {
        Integer riskV = versions.get(RISK);
        Integer segV = versions.get(SEGMENT);
        if (riskV == null || segV == null) {
            return false;
        }
        var rs = registry.sidecar(RISK, riskV, RiskSidecar.class);
        var ss = registry.sidecar(SEGMENT, segV, SegmentSidecar.class);
        if (rs.isEmpty() || ss.isEmpty()) {
            return false;
        }
        RiskSidecar r = rs.get();
        SegmentSidecar s = ss.get();
        ComplaintRiskModel risk = new ComplaintRiskModel(
                (org.tribuo.Model<org.tribuo.classification.Label>) registry.load(RISK, riskV),
                r.pre(), r.inputs(), r.platt(), r.horizonDays(), r.metrics());
        SegmentModel seg = new SegmentModel((org.tribuo.clustering.kmeans.KMeansModel) registry.load(SEGMENT, segV),
                s.pre(), s.inputs(), s.names(), s.centroids(), s.sizes(), s.silhouettes());
        current.set(new ModelBundle(seg, risk, s.value(), segV, riskV, OutlookGate.restore(registry, versions)));
        return true;
    }

    /** Trains candidates on the current histories and passes them through the gate (source {@code batch}). */
    public Outcome retrain(Instant asOf) {
        return retrain(asOf, ModelVersion.BATCH, Pacer.NONE);
    }

    /**
     * Trains candidates on the current histories, at most {@code pacer}'s share of one core, and
     * passes them through the gate, recording {@code source} in their provenance. Blocks for the
     * training; refused on an event loop or a speech worker ({@link TrainingGuard}).
     */
    public Outcome retrain(Instant asOf, String source, Pacer pacer) {
        return offer(train(asOf, pacer), asOf, source);
    }

    /**
     * Trains candidates on the current histories as of {@code asOf} without gating them (the caller
     * then {@link #offer}s them). Not under the maintainer's lock: restoring a version another
     * instance published never waits for a training.
     */
    public ModelTraining.Result train(Instant asOf, Pacer pacer) {
        return new ModelTraining(config, trainCustomers, pacer).train(histories.apply(pacer), asOf);
    }

    /** The registry candidates are registered in. */
    public ModelRegistry registry() {
        return registry;
    }

    /** Gates a trained candidate bundle against the current models on the candidate's held-out set. */
    public Outcome offer(ModelTraining.Result candidate, Instant at) {
        return offer(candidate, at, ModelVersion.BATCH);
    }

    /**
     * Gates a trained candidate bundle against the current models on the candidate's held-out set
     * (the newest time window: the candidate never saw its labels) and registers both candidates,
     * accepted or refused, with {@code source} and the data window.
     */
    public synchronized Outcome offer(ModelTraining.Result candidate, Instant at, String source) {
        ModelBundle old = current.get();
        ModelTraining.HeldOut h = candidate.heldOut();
        ModelBundle next = candidate.bundle();
        ModelTraining.DataWindow data = candidate.data();
        long heldPositive = 0;
        for (boolean b : h.riskLabels()) {
            heldPositive += b ? 1 : 0;
        }
        Map<String, Long> seen = Map.of("customers", data.customers(), "labelled", data.labelled(),
                "positives", data.positives(), "heldout", (long) h.riskRaw().size(), "heldout_positive", heldPositive);
        double riskNew = riskAuc(next.risk(), h);
        double riskOld = old == null ? Double.NaN : riskAuc(old.risk(), h);
        ComplaintRiskModel nr = next.risk();
        ModelVersion rv = registry.propose(RISK, nr.model(), new RiskSidecar(nr.pre(), nr.inputs(), nr.platt(),
                nr.horizonDays(), nr.metrics()), "auc", riskNew, riskOld, nr.metrics(), seen, at, source, data);
        double segNew = silhouette(next.segment(), h);
        double segOld = old == null ? Double.NaN : silhouette(old.segment(), h);
        SegmentModel ns = next.segment();
        ModelVersion sv = registry.propose(SEGMENT, ns.model(), new SegmentSidecar(ns.pre(), ns.inputs(), ns.names(),
                ns.centroids(), ns.sizes(), ns.silhouettes(), next.value()), "silhouette", segNew, segOld,
                Map.of("silhouette", segNew, "k", (double) ns.k()), seen, at, source, data);
        ModelBundle result;
        if (old == null) {
            result = next.withRisk(next.risk(), rv.version()).withSegment(next.segment(), sv.version());
        } else {
            result = old;
            if (rv.accepted()) {
                result = result.withRisk(next.risk(), rv.version());
            }
            if (sv.accepted()) {
                result = new ModelBundle(next.segment(), result.risk(), next.value(), sv.version(), result.riskVersion());
            }
        }
        // churn risk and next contact pass their own gates (OutlookGate) on their own held-out rows
        result = result.withOutlook(OutlookGate.offer(registry, old == null ? null : old.outlook(), next.outlook(),
                candidate.outlookHeldOut(), at, source, data));
        OutlookModels before = old == null ? OutlookModels.NONE : old.outlook();
        boolean outlookPromoted = result.outlook().churnVersion() != before.churnVersion()
                || result.outlook().nextContactVersion() != before.nextContactVersion();
        current.set(result);
        labelledSince.set(0);
        lastTrained = at;
        return new Outcome(rv, sv, result, outlookPromoted);
    }

    /** AUC of a risk model on the held-out raw rows (the model applies its own preprocessing). */
    public static double riskAuc(ComplaintRiskModel m, ModelTraining.HeldOut h) {
        double[] p = new double[h.riskRaw().size()];
        for (int i = 0; i < p.length; i++) {
            double[] raw = h.riskRaw().get(i);
            p[i] = m.probability(m.pre().select(m.pre().apply(raw), m.inputs()));
        }
        return Auc.of(p, h.riskLabels());
    }

    /** Silhouette of a segmentation on up to 1,000 held-out customers, in the model's own space. */
    public static double silhouette(SegmentModel m, ModelTraining.HeldOut h) {
        int n = Math.min(1000, h.segmentRaw().size());
        List<double[]> pts = new ArrayList<>(n);
        int[] cl = new int[n];
        for (int i = 0; i < n; i++) {
            double[] raw = h.segmentRaw().get(i);
            pts.add(m.pre().select(m.pre().apply(raw), m.inputs()));
            cl[i] = m.assign(raw).cluster();
        }
        return Silhouette.of(pts.toArray(double[][]::new), cl, m.k());
    }
}
