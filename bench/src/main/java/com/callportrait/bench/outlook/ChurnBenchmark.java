package com.callportrait.bench.outlook;

import com.callportrait.portrait.engine.OutlookTraining;
import com.callportrait.portrait.engine.PortraitConfig;
import com.callportrait.portrait.risk.ComplaintRiskModel;
import java.util.List;
import java.util.Locale;
import static com.callportrait.bench.outlook.OutlookData.DAYS;

/**
 * {@code churn}: the learned churn risk on held-out customers and time against two baselines, the
 * old rule tag ({@code close_intent_90d >= 1}, as the churn rate of tagged and untagged training
 * customers) and a logistic regression on two features ({@code close_intent_90d},
 * {@code open_complaints}). Train: one half of the customers as of {@code end - 2N}, labelled by
 * closures in the next N days; test: the other half as of {@code end - N}, labelled up to the end.
 * Single use; not thread-safe.
 */
public final class ChurnBenchmark {
    static final long DAY = 86_400L;

    private ChurnBenchmark() {
    }

    public static void run(PortraitConfig config, long seed, int customers) {
        long t0 = System.nanoTime();
        OutlookData d = OutlookData.generate(config, seed, customers, DAYS);
        long end = com.callportrait.portrait.gen.GeneratorOptions.DEFAULT_END.getEpochSecond();
        long n = config.churnDays() * DAY;
        OutlookTraining t = new OutlookTraining(config);
        OutlookTraining.Rows train = t.churnRows(d.train, end - 2 * n, n);
        OutlookTraining.Rows test = t.churnRows(d.test, end - n, n);
        int intent = config.rules().indexOf("close_intent_90d");
        ComplaintRiskModel model = t.binary(config.rules().inputsOf("churn_risk"), config.churnDays(), train, test,
                new double[test.raw().size()]);
        ComplaintRiskModel two = t.binary(List.of("close_intent_90d", "open_complaints"), config.churnDays(), train, test,
                new double[test.raw().size()]);
        System.out.printf(Locale.ROOT, "CHURN seed=%d customers=%d horizon=%dd train=%d (positive %.3f) test=%d "
                        + "(positive %.3f) build+train=%.1fs%n", seed, customers, config.churnDays(), train.raw().size(),
                OutlookData.rate(train.labels()), test.raw().size(), OutlookData.rate(test.labels()),
                (System.nanoTime() - t0) / 1e9);
        if (model == null || two == null) {
            System.out.println("  too few churners to train; use more customers");
            return;
        }
        double[] p = probabilities(model, test);
        double[] p2 = probabilities(two, test);
        // the rule tag as a probability: the churn rate of tagged / untagged customers in training
        int tagged = 0;
        int taggedPos = 0;
        int untaggedPos = 0;
        for (int i = 0; i < train.raw().size(); i++) {
            boolean tag = train.raw().get(i)[intent] >= 1;
            tagged += tag ? 1 : 0;
            taggedPos += tag && train.labels()[i] ? 1 : 0;
            untaggedPos += !tag && train.labels()[i] ? 1 : 0;
        }
        double pTag = tagged == 0 ? 0 : taggedPos / (double) tagged;
        double pNo = untaggedPos / (double) Math.max(1, train.raw().size() - tagged);
        double[] rule = new double[test.raw().size()];
        for (int i = 0; i < rule.length; i++) {
            rule[i] = test.raw().get(i)[intent] >= 1 ? pTag : pNo;
        }
        OutlookData.line("model (logistic+platt, " + model.inputs().size() + " inputs)", p, test.labels());
        OutlookData.line("baseline: rule tag churn-risk", rule, test.labels());
        OutlookData.line("baseline: logistic on 2 features", p2, test.labels());
        OutlookData.line("baseline: base rate", OutlookData.constant(rule.length, OutlookData.rate(train.labels())),
                test.labels());
        OutlookData.bins("model", p, test.labels());
    }

    static double[] probabilities(ComplaintRiskModel m, OutlookTraining.Rows rows) {
        double[] p = new double[rows.raw().size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = m.probabilityOfRaw(rows.raw().get(i));
        }
        return p;
    }
}
