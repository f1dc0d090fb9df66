package com.callportrait.bench.outlook;

import com.callportrait.portrait.engine.OutlookTraining;
import com.callportrait.portrait.engine.PortraitConfig;
import com.callportrait.portrait.risk.ComplaintRiskModel;
import com.callportrait.portrait.risk.ContactReasonModel;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import static com.callportrait.bench.outlook.OutlookData.DAYS;

/**
 * {@code next-contact}: contact within 7 and 30 days and its topic, trained on the past of one half
 * of the customers (snapshots 30, 60 and 90 days before {@code end - 30d}) and tested on the other
 * half in the following weeks (7-day labels from the four weekly snapshots after {@code end - 30d},
 * 30-day labels and topics from the first), against the recent-contact-rate baseline
 * ({@code 1 - exp(-contacts_90d / 90 x days)}) and the "same topic as last time" baseline. Single
 * use; not thread-safe.
 */
public final class NextContactBenchmark {
    static final long DAY = 86_400L;

    private NextContactBenchmark() {
    }

    public static void run(PortraitConfig config, long seed, int customers) {
        long t0 = System.nanoTime();
        OutlookData d = OutlookData.generate(config, seed, customers, DAYS);
        long s = com.callportrait.portrait.gen.GeneratorOptions.DEFAULT_END.getEpochSecond() - 30 * DAY;
        OutlookTraining t = new OutlookTraining(config);
        OutlookTraining.Rows tr7 = concat(t, d, s, 7);
        OutlookTraining.Rows tr30 = concat(t, d, s, 30);
        OutlookTraining.Rows te7 = concatTest(t, d, s);
        OutlookTraining.Rows te30 = t.contactRows(d.test, s, 30);
        List<String> in = config.rules().inputsOf("next_contact");
        ComplaintRiskModel m7 = t.binary(in, 7, tr7, te7, t.rateBaseline(te7, 7));
        ComplaintRiskModel m30 = t.binary(in, 30, tr30, te30, t.rateBaseline(te30, 30));
        ContactReasonModel reason = t.reason(config.rules().inputsOf("contact_reason"), tr30);
        System.out.printf(Locale.ROOT, "NEXT-CONTACT seed=%d customers=%d train rows 7d=%d 30d=%d, test rows 7d=%d "
                        + "(positive %.3f) 30d=%d (positive %.3f) build+train=%.1fs%n", seed, customers, tr7.raw().size(),
                tr30.raw().size(), te7.raw().size(), OutlookData.rate(te7.labels()), te30.raw().size(),
                OutlookData.rate(te30.labels()), (System.nanoTime() - t0) / 1e9);
        if (m7 == null || m30 == null || reason == null) {
            System.out.println("  too few contacts to train; use more customers");
            return;
        }
        OutlookData.line("7d model (logistic+platt)", ChurnBenchmark.probabilities(m7, te7), te7.labels());
        OutlookData.line("7d baseline: recent contact rate", t.rateBaseline(te7, 7), te7.labels());
        OutlookData.line("30d model (logistic+platt)", ChurnBenchmark.probabilities(m30, te30), te30.labels());
        OutlookData.line("30d baseline: recent contact rate", t.rateBaseline(te30, 30), te30.labels());
        Map<String, Double> r = OutlookTraining.reasonMetrics(reason, te30);
        System.out.printf(Locale.ROOT, "  reason top-1 accuracy: model %.3f, baseline last topic %.3f (n=%.0f contacts)%n",
                r.get("reason_top1"), r.get("reason_top1_baseline"), r.get("reason_n"));
        OutlookData.bins("7d model", ChurnBenchmark.probabilities(m7, te7), te7.labels());
        OutlookData.bins("30d model", ChurnBenchmark.probabilities(m30, te30), te30.labels());
    }

    private static OutlookTraining.Rows concat(OutlookTraining t, OutlookData d, long s, int days) {
        return OutlookTraining.concat(t.contactRows(d.train, s - 30 * DAY, days), t.contactRows(d.train, s - 60 * DAY, days),
                t.contactRows(d.train, s - 90 * DAY, days));
    }

    private static OutlookTraining.Rows concatTest(OutlookTraining t, OutlookData d, long s) {
        return OutlookTraining.concat(t.contactRows(d.test, s, 7), t.contactRows(d.test, s + 7 * DAY, 7),
                t.contactRows(d.test, s + 14 * DAY, 7), t.contactRows(d.test, s + 21 * DAY, 7));
    }
}
