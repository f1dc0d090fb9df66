package com.callportrait.portrait.engine;

import com.callportrait.portrait.features.CustomerHistory;
import com.callportrait.portrait.features.FeatureExtractor;
import com.callportrait.portrait.features.FeatureRules;
import com.callportrait.portrait.features.Preprocessor;
import com.callportrait.portrait.risk.ComplaintRiskModel;
import com.callportrait.portrait.risk.ComplaintRiskTrainer;
import com.callportrait.portrait.risk.ComplaintRiskTrainer.Split;
import com.callportrait.portrait.risk.ContactReasonModel;
import com.callportrait.portrait.risk.NextContactModel;
import com.callportrait.portrait.semantic.Contact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains churn risk and next contact on a time split, like complaint risk.
 *
 * <p><b>Churn</b> (horizon N = {@link PortraitConfig#churnDays()}): the label is "the account was
 * closed or switched away within N days of the as-of date", read from the CRM's {@code closed_at}
 * ({@link CustomerHistory#closed()}). Features as of {@code asOf - 2N} labelled by closures in the
 * next N days train the model (80%) and its Platt calibration (20%, by customer id hash); features
 * as of {@code asOf - N} labelled by closures up to {@code asOf} are held out. Customers closed
 * before a snapshot, or not yet customers then, are not in it.
 *
 * <p><b>Next contact</b>: the labels are "any contact within 7 / 30 days" and the topic of the
 * first contact within 30 days. Snapshots 30, 60 and 90 days before {@code asOf - 30d} train; the
 * weeks after {@code asOf - 30d} are held out (7-day labels from four weekly snapshots, 30-day labels
 * and topics from the first).
 *
 * <p>In the running server it is paced like the other models ({@link Pacer}: per customer while rows
 * are extracted, between the fits) and refused on an event loop or a speech worker
 * ({@link TrainingGuard}).
 *
 * <p>Deterministic. Without a pacer stateless apart from settings and thread-safe; with one, used by
 * the pacer's thread only (a pacer is one computation's).
 */
public final class OutlookTraining {
    static final long DAY = 86_400L;
    /** Below this many positives (or negatives) in a training split a model is not trained. */
    static final int MIN_CLASS = 5;

    /** Raw feature rows with labels and, for next contact, the first topic and the baseline topic. */
    public record Rows(List<double[]> raw, boolean[] labels, List<String> topics, List<String> lastTopics,
                       boolean[] calibration) { }

    /** Held-out raw rows the gate scores old and new models on. */
    public record HeldOut(Rows churn, Rows contact30d) { }

    /** The trained models and their held-out sets. */
    public record Result(OutlookModels models, HeldOut heldOut) { }

    private final PortraitConfig config;
    private final Pacer pacer;

    /** Unpaced (command-line builds, benchmarks, tests). */
    public OutlookTraining(PortraitConfig config) {
        this(config, Pacer.NONE);
    }

    /** @param pacer keeps the training to a share of one core; called per customer and between the fits */
    public OutlookTraining(PortraitConfig config, Pacer pacer) {
        this.config = config;
        this.pacer = java.util.Objects.requireNonNull(pacer, "pacer");
    }

    /**
     * Trains churn and next contact on {@code sample} as of {@code asOf}. Blocks for seconds of CPU.
     *
     * @throws IllegalStateException on an event loop or a speech worker ({@link TrainingGuard})
     */
    public Result train(List<CustomerHistory> sample, Instant asOf) {
        TrainingGuard.check();
        long now = asOf.getEpochSecond();
        // the feature rows of one snapshot serve every label taken at it (churn and next contact
        // share snapshots, 7- and 30-day labels share theirs): extracted once, the training's rows
        // and garbage shrink by a third
        Map<Long, List<double[]>> snapshots = new HashMap<>();
        FeatureRules rules = config.rules();
        ComplaintRiskModel churn = null;
        Rows churnTest = empty();
        if (rules.modelInputs().containsKey("churn_risk")) {
            long n = config.churnDays() * DAY;
            Rows tr = churnRows(snapshots, sample, now - 2 * n, n);
            churnTest = churnRows(snapshots, sample, now - n, n);
            churn = binary(rules.inputsOf("churn_risk"), config.churnDays(), tr, churnTest,
                    column(churnTest.raw(), rules.indexOf("close_intent_90d")));
        }
        NextContactModel next = null;
        Rows c30Test = empty();
        if (rules.modelInputs().containsKey("next_contact") && rules.modelInputs().containsKey("contact_reason")) {
            long s = now - 30 * DAY;
            Rows tr7 = concat(contactRows(snapshots, sample, s - 30 * DAY, 7),
                    contactRows(snapshots, sample, s - 60 * DAY, 7), contactRows(snapshots, sample, s - 90 * DAY, 7));
            Rows tr30 = concat(contactRows(snapshots, sample, s - 30 * DAY, 30),
                    contactRows(snapshots, sample, s - 60 * DAY, 30), contactRows(snapshots, sample, s - 90 * DAY, 30));
            Rows te7 = concat(contactRows(snapshots, sample, s, 7), contactRows(snapshots, sample, s + 7 * DAY, 7),
                    contactRows(snapshots, sample, s + 14 * DAY, 7), contactRows(snapshots, sample, s + 21 * DAY, 7));
            c30Test = contactRows(snapshots, sample, s, 30);
            List<String> in = rules.inputsOf("next_contact");
            ComplaintRiskModel m7 = binary(in, 7, tr7, te7, rateBaseline(te7, 7));
            ComplaintRiskModel m30 = binary(in, 30, tr30, c30Test, rateBaseline(c30Test, 30));
            ContactReasonModel reason = reason(rules.inputsOf("contact_reason"), tr30);
            if (m7 != null && m30 != null && reason != null) {
                Map<String, Double> metrics = new LinkedHashMap<>();
                m7.metrics().forEach((k, v) -> metrics.put(k + "_7d", v));
                m30.metrics().forEach((k, v) -> metrics.put(k + "_30d", v));
                metrics.putAll(reasonMetrics(reason, c30Test));
                next = new NextContactModel(m7, m30, reason, metrics);
            }
        }
        return new Result(new OutlookModels(churn, 0, next, 0), new HeldOut(churnTest, c30Test));
    }

    /** Customers on the books at {@code at}, labelled by a closure in {@code (at, at + horizon]}. */
    public Rows churnRows(List<CustomerHistory> sample, long at, long horizon) {
        return churnRows(null, sample, at, horizon);
    }

    private Rows churnRows(Map<Long, List<double[]>> snapshots, List<CustomerHistory> sample, long at, long horizon) {
        List<double[]> known = snapshots == null ? null : snapshots.get(at);
        FeatureExtractor ex = config.extractor();
        // sized once: growing lists of a large sample's rows would allocate (and have the collector
        // copy) every smaller array on the way, each large enough to be a humongous object
        List<double[]> raw = new ArrayList<>(sample.size());
        List<Boolean> y = new ArrayList<>(sample.size());
        List<Boolean> cal = new ArrayList<>(sample.size());
        for (CustomerHistory c : sample) {
            pacer.pace();
            synchronized (c) {
                if (c.closedBy(at) || c.joined() > at) {
                    continue;
                }
                raw.add(known != null ? known.get(raw.size()) : ex.extract(c, at).values());
                y.add(c.closed() > at && c.closed() <= at + horizon);
                cal.add(Math.floorMod(c.customerId().hashCode(), 5) == 0);
            }
        }
        if (snapshots != null) {
            snapshots.putIfAbsent(at, raw);
        }
        return new Rows(raw, bools(y), List.of(), List.of(), bools(cal));
    }

    /**
     * Customers on the books at {@code at}, labelled by any contact in {@code (at, at + days]}, with
     * that first contact's topic ({@code ""} when none) and the last topic before {@code at} (the
     * baseline's guess, {@code ""} when none).
     */
    public Rows contactRows(List<CustomerHistory> sample, long at, int days) {
        return contactRows(null, sample, at, days);
    }

    /**
     * As {@link #contactRows(List, long, int)}, taking the feature rows of snapshot {@code at} from
     * {@code snapshots} when an earlier call extracted them (same customers, same order: the same
     * filter) and leaving its own there otherwise.
     */
    private Rows contactRows(Map<Long, List<double[]>> snapshots, List<CustomerHistory> sample, long at, int days) {
        List<double[]> known = snapshots == null ? null : snapshots.get(at);
        FeatureExtractor ex = config.extractor();
        List<double[]> raw = new ArrayList<>(sample.size());
        List<Boolean> y = new ArrayList<>(sample.size());
        List<Boolean> cal = new ArrayList<>(sample.size());
        List<String> topics = new ArrayList<>(sample.size());
        List<String> last = new ArrayList<>(sample.size());
        long to = at + days * DAY;
        for (CustomerHistory c : sample) {
            pacer.pace();
            synchronized (c) {
                if (c.closedBy(at) || c.joined() > at) {
                    continue;
                }
                String next = "";
                String before = "";
                for (Contact k : c.contacts()) {
                    if (k.at() <= at) {
                        before = k.topic();
                    } else if (k.at() <= to) {
                        next = k.topic();
                        break;
                    }
                }
                raw.add(known != null ? known.get(raw.size()) : ex.extract(c, at).values());
                y.add(!next.isEmpty());
                topics.add(next);
                last.add(before);
                cal.add(Math.floorMod(c.customerId().hashCode(), 5) == 0);
            }
        }
        if (snapshots != null) {
            snapshots.putIfAbsent(at, raw);
        }
        return new Rows(raw, bools(y), topics, last, bools(cal));
    }

    /** The "recent contact rate" baseline: {@code 1 - exp(-rate * days)} with the 90-day rate. */
    public double[] rateBaseline(Rows rows, int days) {
        int j = config.rules().indexOf("contacts_90d");
        double[] b = new double[rows.raw().size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = 1 - Math.exp(-rows.raw().get(i)[j] / 90.0 * days);
        }
        return b;
    }

    /** A Platt-calibrated logistic model on {@code train}, measured on {@code test}; {@code null} if too few labels. */
    public ComplaintRiskModel binary(List<String> inputs, int horizonDays, Rows train, Rows test, double[] baseline) {
        if (count(train.labels(), true) < MIN_CLASS || count(train.labels(), false) < MIN_CLASS) {
            return null;
        }
        pacer.settle(); // before a fit that cannot be paced, and so after the previous one
        Preprocessor pre = Preprocessor.fit(config.rules(), train.raw());
        int n = train.raw().size();
        List<double[]> tx = new ArrayList<>(n);
        List<Boolean> ty = new ArrayList<>(n);
        List<double[]> cx = new ArrayList<>(n / 4 + 1);
        List<Boolean> cy = new ArrayList<>(n / 4 + 1);
        for (int i = 0; i < train.raw().size(); i++) {
            double[] x = pre.select(pre.apply(train.raw().get(i)), inputs);
            (train.calibration()[i] ? cx : tx).add(x);
            (train.calibration()[i] ? cy : ty).add(train.labels()[i]);
        }
        Split held = new Split(ModelTraining.processed(pre, test.raw(), inputs), test.labels());
        ComplaintRiskModel m = new ComplaintRiskTrainer(config.seed(), 5).train(pre, inputs, horizonDays,
                new Split(tx, bools(ty)), new Split(cx, bools(cy)), held, baseline);
        pacer.settle();
        return m;
    }

    /** The topic model on the rows that had a contact; {@code null} when fewer than two topics occur. */
    public ContactReasonModel reason(List<String> inputs, Rows train) {
        List<double[]> raw = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < train.raw().size(); i++) {
            if (train.labels()[i]) {
                raw.add(train.raw().get(i));
                topics.add(train.topics().get(i));
            }
        }
        if (new java.util.HashSet<>(topics).size() < 2) {
            return null;
        }
        pacer.settle();
        Preprocessor pre = Preprocessor.fit(config.rules(), raw);
        ContactReasonModel m = ContactReasonModel.train(pre, inputs, ModelTraining.processed(pre, raw, inputs), topics,
                config.seed(), 8);
        pacer.settle();
        return m;
    }

    /** Top-1 accuracy of the model and of the "same topic as last time" baseline on contacts in {@code test}. */
    public static Map<String, Double> reasonMetrics(ContactReasonModel m, Rows test) {
        Map<String, Integer> freq = new HashMap<>();
        for (int i = 0; i < test.raw().size(); i++) {
            if (test.labels()[i]) {
                freq.merge(test.lastTopics().get(i), 1, Integer::sum);
            }
        }
        String common = freq.entrySet().stream().filter(e -> !e.getKey().isEmpty())
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
        int n = 0;
        int hit = 0;
        int base = 0;
        for (int i = 0; i < test.raw().size(); i++) {
            if (!test.labels()[i]) {
                continue;
            }
            n++;
            String truth = test.topics().get(i);
            hit += m.top(test.raw().get(i)).topic().equals(truth) ? 1 : 0;
            String guess = test.lastTopics().get(i).isEmpty() ? common : test.lastTopics().get(i);
            base += guess.equals(truth) ? 1 : 0;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("reason_top1", n == 0 ? Double.NaN : hit / (double) n);
        out.put("reason_top1_baseline", n == 0 ? Double.NaN : base / (double) n);
        out.put("reason_n", (double) n);
        return out;
    }

    /** The rows of several snapshots together. */
    public static Rows concat(Rows... parts) {
        int n = 0;
        for (Rows r : parts) {
            n += r.raw().size();
        }
        List<double[]> raw = new ArrayList<>(n);
        List<Boolean> y = new ArrayList<>(n);
        List<Boolean> cal = new ArrayList<>(n);
        List<String> topics = new ArrayList<>(n);
        List<String> last = new ArrayList<>(n);
        for (Rows r : parts) {
            raw.addAll(r.raw());
            topics.addAll(r.topics());
            last.addAll(r.lastTopics());
            for (int i = 0; i < r.labels().length; i++) {
                y.add(r.labels()[i]);
                cal.add(r.calibration()[i]);
            }
        }
        return new Rows(raw, bools(y), topics, last, bools(cal));
    }

    private static Rows empty() {
        return new Rows(List.of(), new boolean[0], List.of(), List.of(), new boolean[0]);
    }

    static double[] column(List<double[]> rows, int j) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Double.isNaN(rows.get(i)[j]) ? 0 : rows.get(i)[j];
        }
        return out;
    }

    static int count(boolean[] y, boolean v) {
        int n = 0;
        for (boolean b : y) {
            n += b == v ? 1 : 0;
        }
        return n;
    }

    static boolean[] bools(List<Boolean> b) {
        boolean[] out = new boolean[b.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i);
        }
        return out;
    }
}
