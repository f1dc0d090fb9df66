package com.callportrait.portrait.engine;

import com.callportrait.portrait.risk.ComplaintRiskModel;
import com.callportrait.portrait.risk.ComplaintRiskTrainer;
import com.callportrait.portrait.risk.ComplaintRiskTrainer.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A candidate of known poor quality for tests of the evaluation gate: the complaint-risk model
 * refitted on held-out rows whose labels are shuffled (fixed seed), so it knows nothing. Stateless.
 */
public final class ShuffledLabels {
    private ShuffledLabels() {
    }

    /** {@code good}'s pipeline refitted on {@code heldOut}'s rows with shuffled labels. */
    public static ComplaintRiskModel riskModel(ComplaintRiskModel good, ModelTraining.HeldOut heldOut) {
        List<double[]> x = new ArrayList<>();
        for (double[] raw : heldOut.riskRaw()) {
            x.add(good.pre().select(good.pre().apply(raw), good.inputs()));
        }
        boolean[] y = heldOut.riskLabels().clone();
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = y.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            boolean t = y[i];
            y[i] = y[j];
            y[j] = t;
        }
        Split s = new Split(x, y);
        return new ComplaintRiskTrainer(5, 2).train(good.pre(), good.inputs(), good.horizonDays(), s, s,
                new Split(x, heldOut.riskLabels()), heldOut.riskBaseline());
    }

    /** {@code r} with its risk model replaced by {@link #riskModel}. */
    public static ModelTraining.Result worse(ModelTraining.Result r) {
        return new ModelTraining.Result(r.bundle().withRisk(riskModel(r.bundle().risk(), r.heldOut()), 0), r.heldOut(),
                r.data());
    }
}
