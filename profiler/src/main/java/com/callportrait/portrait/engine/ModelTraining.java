package com.callportrait.portrait.engine;

import com.callportrait.portrait.features.CaseFact;
import com.callportrait.portrait.features.CustomerHistory;
import com.callportrait.portrait.features.FeatureExtractor;
import com.callportrait.portrait.features.FeatureRules;
import com.callportrait.portrait.features.Preprocessor;
import com.callportrait.portrait.risk.ComplaintRiskModel;
import com.callportrait.portrait.risk.ComplaintRiskTrainer;
import com.callportrait.portrait.risk.ComplaintRiskTrainer.Split;
import com.callportrait.portrait.risk.ValueScorer;
import com.callportrait.portrait.segment.SegmentModel;
import com.callportrait.portrait.segment.SegmentTrainer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Trains every model from the histories as of a moment. Complaint risk uses a time split: features
 * as of {@code asOf - 2H} labelled by complaints in the next H days train the model (80%) and its
 * calibration (20%); features as of {@code asOf - H} labelled by complaints up to {@code asOf} are
 * the held-out set. Deterministic: customers are visited in id order and sampled by id hash.
 * Stateless apart from settings; thread-safe.
 */
public final class ModelTraining {
    /**
     * Models plus the held-out data the evaluation gate compares them on (the churn and next-contact
     * sets may be null: those models are then not gated), and what they were trained on.
     */
    public record Result(ModelBundle bundle, HeldOut heldOut, OutlookTraining.HeldOut outlookHeldOut,
                         DataWindow data) {
        /** A result whose data window is not known (a bundle trained elsewhere), without outlook sets. */
        public Result(ModelBundle bundle, HeldOut heldOut) {
            this(bundle, heldOut, null, DataWindow.of(heldOut));
        }

        /** Without churn and next-contact held-out sets. */
        public Result(ModelBundle bundle, HeldOut heldOut, DataWindow data) {
            this(bundle, heldOut, null, data);
        }

        /** A result whose data window is not known. */
        public Result(ModelBundle bundle, HeldOut heldOut, OutlookTraining.HeldOut outlookHeldOut) {
            this(bundle, heldOut, outlookHeldOut, DataWindow.of(heldOut));
        }
    }

    /**
     * The data a training saw, for the model's provenance.
     *
     * @param from      the oldest record (contact, complaint, ticket, bill, join date) in the sample,
     *                  or {@code null} when unknown
     * @param to        the moment features and labels were taken as of
     * @param customers customers in the training sample
     * @param labelled  labelled rows the risk model was trained and evaluated on (both time windows)
     * @param positives of those, the rows whose customer complained within the horizon
     */
    public record DataWindow(Instant from, Instant to, long customers, long labelled, long positives) {
        static DataWindow of(HeldOut h) {
            long pos = 0;
            for (boolean b : h.riskLabels()) {
                pos += b ? 1 : 0;
            }
            return new DataWindow(null, null, h.segmentRaw().size(), h.riskRaw().size(), pos);
        }
    }

    /**
     * The held-out sets as RAW feature rows (each model applies its own preprocessing, so an old and
     * a new model can be compared on exactly the same customers): risk rows as of {@code asOf - H}
     * with their labels, the "complained before" baseline, and segment rows as of {@code asOf}.
     */
    public record HeldOut(List<double[]> riskRaw, boolean[] riskLabels, double[] riskBaseline,
                          List<double[]> segmentRaw) { }

    private final PortraitConfig config;
    private final int maxCustomers;
    private final Pacer pacer;

    /** @param maxCustomers sample size cap, so training time stays bounded at any scale */
    public ModelTraining(PortraitConfig config, int maxCustomers) {
        this(config, maxCustomers, Pacer.NONE);
    }

    /**
     * @param pacer keeps the training to a share of one core (the running server); called per
     *              customer and between the model fits
     */
    public ModelTraining(PortraitConfig config, int maxCustomers, Pacer pacer) {
        this.config = config;
        this.maxCustomers = maxCustomers;
        this.pacer = pacer;
    }

    /**
     * Trains every model on a sample of {@code store} as of {@code asOf}. Blocks for seconds to
     * minutes of CPU.
     *
     * @throws IllegalStateException on an event loop or a speech worker ({@link TrainingGuard})
     */
    public Result train(HistoryStore store, Instant asOf) {
        TrainingGuard.check();
        List<CustomerHistory> sample = sample(store);
        long oldest = Long.MAX_VALUE;
        long positives = 0;
        long now = asOf.getEpochSecond();
        long h = config.horizonDays() * 86_400L;
        FeatureExtractor ex = config.extractor();
        FeatureRules rules = config.rules();
        // sized once (see OutlookTraining.churnRows)
        List<double[]> rawNow = new ArrayList<>(sample.size());
        List<double[]> rawTrain = new ArrayList<>(sample.size());
        List<Boolean> yTrain = new ArrayList<>(sample.size());
        List<Boolean> isCal = new ArrayList<>(sample.size());
        List<double[]> rawTest = new ArrayList<>(sample.size());
        List<Boolean> yTest = new ArrayList<>(sample.size());
        for (CustomerHistory c : sample) {
            pacer.pace();
            synchronized (c) {
                oldest = Math.min(oldest, oldest(c));
                rawNow.add(ex.extract(c, now).values());
                // a customer whose account was closed by the snapshot cannot complain: not a risk row
                if ((c.joined() < 0 || c.joined() <= now - 2 * h) && !c.closedBy(now - 2 * h)) {
                    rawTrain.add(ex.extract(c, now - 2 * h).values());
                    yTrain.add(complained(c, now - 2 * h, now - h));
                    isCal.add(Math.floorMod(c.customerId().hashCode(), 5) == 0);
                }
                if ((c.joined() < 0 || c.joined() <= now - h) && !c.closedBy(now - h)) {
                    rawTest.add(ex.extract(c, now - h).values());
                    yTest.add(complained(c, now - h, now));
                }
            }
        }
        pacer.settle();
        Preprocessor preNow = Preprocessor.fit(rules, rawNow);
        List<String> segInputs = rules.inputsOf("segment");
        SegmentModel segment = new SegmentTrainer(config.naming(), config.seed())
                .train(preNow, segInputs, processed(preNow, rawNow, segInputs));
        ValueScorer value = ValueScorer.fit(column(rules, rawNow, "monthly_spend"), column(rules, rawNow, "lifetime_value"));

        pacer.settle();
        Preprocessor preRisk = Preprocessor.fit(rules, rawTrain);
        List<String> riskInputs = rules.inputsOf("complaint_risk");
        List<double[]> tx = new ArrayList<>(rawTrain.size());
        List<Boolean> ty = new ArrayList<>(rawTrain.size());
        List<double[]> cx = new ArrayList<>(rawTrain.size() / 4 + 1);
        List<Boolean> cy = new ArrayList<>(rawTrain.size() / 4 + 1);
        for (int i = 0; i < rawTrain.size(); i++) {
            double[] x = preRisk.select(preRisk.apply(rawTrain.get(i)), riskInputs);
            (isCal.get(i) ? cx : tx).add(x);
            (isCal.get(i) ? cy : ty).add(yTrain.get(i));
        }
        Split heldOut = new Split(processed(preRisk, rawTest, riskInputs), bools(yTest));
        double[] baseline = rawTest.stream().mapToDouble(r -> r[rules.indexOf("complaints_365d")]).toArray();
        ComplaintRiskModel risk = new ComplaintRiskTrainer(config.seed(), 5).train(preRisk, riskInputs,
                config.horizonDays(), new Split(tx, bools(ty)), new Split(cx, bools(cy)), heldOut, baseline);
        pacer.settle();
        for (Boolean y : yTrain) {
            positives += y ? 1 : 0;
        }
        for (Boolean y : yTest) {
            positives += y ? 1 : 0;
        }
        DataWindow data = new DataWindow(oldest == Long.MAX_VALUE ? null : Instant.ofEpochSecond(oldest), asOf,
                sample.size(), rawTrain.size() + rawTest.size(), positives);
        OutlookTraining.Result outlook = new OutlookTraining(config, pacer).train(sample, asOf);
        pacer.settle();
        return new Result(new ModelBundle(segment, risk, value, 0, 0, outlook.models()),
                new HeldOut(rawTest, heldOut.y(), baseline, rawNow), outlook.heldOut(), data);
    }

    /** The oldest fact of one history (its lists are sorted oldest first), or Long.MAX_VALUE. */
    private static long oldest(CustomerHistory c) {
        long t = c.joined() >= 0 ? c.joined() : Long.MAX_VALUE;
        if (!c.contacts().isEmpty()) {
            t = Math.min(t, c.contacts().get(0).at());
        }
        for (CaseFact k : c.complaints()) {
            t = Math.min(t, k.opened());
        }
        for (CaseFact k : c.tickets()) {
            t = Math.min(t, k.opened());
        }
        if (!c.bills().isEmpty()) {
            t = Math.min(t, c.bills().get(0).issued());
        }
        return t;
    }

    private List<CustomerHistory> sample(HistoryStore store) {
        List<CustomerHistory> all = new ArrayList<>(store.all());
        all.sort(Comparator.comparing(CustomerHistory::customerId));
        if (all.size() <= maxCustomers) {
            return all;
        }
        // every n-th customer in id order: deterministic and spread over the whole base
        List<CustomerHistory> s = new ArrayList<>(maxCustomers);
        double step = all.size() / (double) maxCustomers;
        for (int i = 0; i < maxCustomers; i++) {
            s.add(all.get((int) (i * step)));
        }
        return s;
    }

    static boolean complained(CustomerHistory c, long from, long to) {
        for (CaseFact k : c.complaints()) {
            if (k.opened() > from && k.opened() <= to) {
                return true;
            }
        }
        return false;
    }

    static List<double[]> processed(Preprocessor pre, List<double[]> raw, List<String> inputs) {
        List<double[]> out = new ArrayList<>(raw.size());
        for (double[] r : raw) {
            out.add(pre.select(pre.apply(r), inputs));
        }
        return out;
    }

    private static List<Double> column(FeatureRules rules, List<double[]> rows, String name) {
        int j = rules.indexOf(name);
        List<Double> out = new ArrayList<>(rows.size());
        for (double[] r : rows) {
            out.add(r[j]);
        }
        return out;
    }

    private static boolean[] bools(List<Boolean> b) {
        boolean[] out = new boolean[b.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i);
        }
        return out;
    }
}
