package com.callportrait.portrait.risk;

import com.callportrait.portrait.features.Preprocessor;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the complaint-risk model: Tribuo logistic regression on the training window, Platt
 * calibration on a calibration split, metrics on the later held-out window. Deterministic for a
 * fixed seed. Thread-safe (no mutable state).
 */
public final class ComplaintRiskTrainer {
    /** Processed inputs with labels (did the customer complain within the horizon). */
    public record Split(List<double[]> x, boolean[] y) {
        public Split {
            if (x.size() != y.length) {
                throw new IllegalArgumentException("one label per row");
            }
        }
    }

    private final long seed;
    private final int epochs;

    public ComplaintRiskTrainer(long seed, int epochs) {
        this.seed = seed;
        this.epochs = epochs;
    }

    /**
     * @param baseline held-out baseline scores (e.g. complaints so far), for the metric {@code auc_baseline}
     */
    public ComplaintRiskModel train(Preprocessor pre, List<String> inputs, int horizonDays, Split train,
                                    Split calibration, Split heldOut, double[] baseline) {
        String[] names = inputs.toArray(String[]::new);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance(
                "customer histories, time split, " + horizonDays + "d complaint horizon",
                OffsetDateTime.parse("2000-01-01T00:00Z"), factory), factory);
        for (int i = 0; i < train.x().size(); i++) {
            ds.add(new ArrayExample<>(train.y()[i] ? ComplaintRiskModel.YES : ComplaintRiskModel.NO, names,
                    train.x().get(i)));
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), epochs,
                Integer.MAX_VALUE, 1, seed);
        Model<Label> model = trainer.train(ds);
        ComplaintRiskModel uncalibrated = new ComplaintRiskModel(model, pre, inputs, Platt.IDENTITY, horizonDays,
                Map.of());
        double[] calRaw = new double[calibration.x().size()];
        for (int i = 0; i < calRaw.length; i++) {
            calRaw[i] = uncalibrated.rawScore(calibration.x().get(i));
        }
        Platt platt = Platt.fit(calRaw, calibration.y());
        ComplaintRiskModel calibrated = new ComplaintRiskModel(model, pre, inputs, platt, horizonDays, Map.of());
        Map<String, Double> metrics = evaluate(calibrated, heldOut);
        metrics.put("auc_baseline", Auc.of(baseline, heldOut.y()));
        metrics.put("n_train", (double) train.x().size());
        metrics.put("positive_rate_train", rate(train.y()));
        return new ComplaintRiskModel(model, pre, inputs, platt, horizonDays, metrics);
    }

    /** AUC, Brier score, size and positive rate of a model on a labelled set. */
    public static Map<String, Double> evaluate(ComplaintRiskModel m, Split set) {
        double[] p = new double[set.x().size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = m.probability(set.x().get(i));
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("auc", Auc.of(p, set.y()));
        out.put("brier", Auc.brier(p, set.y()));
        out.put("n_heldout", (double) p.length);
        out.put("positive_rate_heldout", rate(set.y()));
        return out;
    }

    private static double rate(boolean[] y) {
        int n = 0;
        for (boolean b : y) {
            n += b ? 1 : 0;
        }
        return y.length == 0 ? Double.NaN : (double) n / y.length;
    }
}
