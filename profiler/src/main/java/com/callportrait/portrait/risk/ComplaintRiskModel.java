package com.callportrait.portrait.risk;

import com.callportrait.portrait.features.Preprocessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;

/**
 * A trained complaint-risk model: Tribuo logistic regression over preprocessed features, then Platt
 * calibration. Predicts the probability of a complaint within {@code horizonDays}. Immutable and
 * thread-safe.
 *
 * @param model       the Tribuo model (labels {@code yes}/{@code no})
 * @param pre         preprocessing fitted on the training population
 * @param inputs      the model's features, in order
 * @param platt       calibration
 * @param horizonDays prediction horizon
 * @param metrics     held-out metrics measured at training (auc, auc_baseline, brier, ...)
 * @param weights     per-input log-odds weight of "yes" (read from the model once, for explanations)
 */
public record ComplaintRiskModel(Model<Label> model, Preprocessor pre, List<String> inputs, Platt platt,
                                 int horizonDays, Map<String, Double> metrics, double[] weights) {
    static final Label YES = new Label("yes");
    static final Label NO = new Label("no");

    /** A probability with the inputs that pushed it most. */
    public record Risk(double probability, String explanation) { }

    /**
     * One input's push towards "yes" for one customer.
     *
     * @param feature the input's name
     * @param raw     its raw value ({@code NaN} when missing)
     * @param z       its processed (standardised) value: below 0 is below the population's average
     * @param push    weight x processed value: log-odds above an average customer's
     */
    public record Contribution(String feature, double raw, double z, double push) { }

    public ComplaintRiskModel {
        Objects.requireNonNull(model, "model");
        inputs = List.copyOf(inputs);
        metrics = Map.copyOf(metrics);
        if (weights == null) {
            weights = coefficients((LinearSGDModel) model, inputs);
        }
    }

    public ComplaintRiskModel(Model<Label> model, Preprocessor pre, List<String> inputs, Platt platt, int horizonDays,
                              Map<String, Double> metrics) {
        this(model, pre, inputs, platt, horizonDays, metrics, null);
    }

    /** Uncalibrated probability of {@code yes} for processed inputs. */
    double rawScore(double[] x) {
        var p = model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, inputs.toArray(String[]::new), x));
        var s = p.getOutputScores().get(YES.getLabel());
        return s == null ? 0 : s.getScore();
    }

    /** Calibrated probability for processed inputs. */
    public double probability(double[] processedInputs) {
        return Math.max(0, Math.min(1, platt.apply(rawScore(processedInputs))));
    }

    /** Scores a customer from raw features in rule order, explained by the top three contributions. */
    public Risk assess(double[] raw) {
        double[] x = pre.select(pre.apply(raw), inputs);
        double prob = probability(x);
        double[] w = weights;
        List<Integer> idx = new ArrayList<>();
        for (int j = 0; j < inputs.size(); j++) {
            idx.add(j);
        }
        idx.sort(Comparator.comparingDouble(j -> -(w[j] * x[j])));
        StringBuilder why = new StringBuilder(String.format("model logistic+platt %dd horizon (", horizonDays));
        int shown = 0;
        for (int j : idx) {
            if (shown == 3 || w[j] * x[j] <= 0) {
                break;
            }
            int r = pre.names().indexOf(inputs.get(j));
            why.append(shown++ > 0 ? ", " : "").append(inputs.get(j)).append('=')
                    .append(Double.isNaN(raw[r]) ? "missing" : String.format("%.2f", raw[r]));
        }
        if (shown == 0) {
            why.append("no input above average");
        }
        return new Risk(prob, why.append(')').toString());
    }

    /** The inputs that push this customer towards "yes", strongest first (only positive pushes). */
    public List<Contribution> contributions(double[] raw) {
        double[] x = pre.select(pre.apply(raw), inputs);
        List<Contribution> out = new ArrayList<>();
        for (int j = 0; j < inputs.size(); j++) {
            double push = weights[j] * x[j];
            if (push > 0) {
                out.add(new Contribution(inputs.get(j), raw[pre.names().indexOf(inputs.get(j))], x[j], push));
            }
        }
        out.sort(Comparator.comparingDouble(c -> -c.push()));
        return out;
    }

    /** Calibrated probability from raw features in rule order. */
    public double probabilityOfRaw(double[] raw) {
        return probability(pre.select(pre.apply(raw), inputs));
    }

    /** Per-input weight of "yes" over "no" (log-odds per unit of processed input). */
    private static double[] coefficients(LinearSGDModel m, List<String> inputs) {
        DenseMatrix w = m.getWeightsCopy();
        int yes = m.getOutputIDInfo().getID(YES);
        int no = m.getOutputIDInfo().getID(NO);
        double[] c = new double[inputs.size()];
        for (int j = 0; j < c.length; j++) {
            int f = m.getFeatureIDMap().getID(inputs.get(j));
            c[j] = f < 0 ? 0 : w.get(yes, f) - (no < 0 ? 0 : w.get(no, f));
        }
        return c;
    }
}
