package com.callportrait.portrait.risk;

import com.callportrait.profile.NextContact;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Next-contact prediction: two calibrated classifiers (a contact within 7 days, within 30 days) and
 * the likely topic. Both horizons are calibrated separately, so the 7-day probability is not
 * guaranteed below the 30-day one; {@link #predict} reports the 30-day one as at least the 7-day one,
 * which it must be. Immutable and thread-safe.
 *
 * @param within7d  contact within 7 days
 * @param within30d contact within 30 days
 * @param reason    topic of that contact
 * @param metrics   held-out metrics measured at training
 */
public record NextContactModel(ComplaintRiskModel within7d, ComplaintRiskModel within30d, ContactReasonModel reason,
                               Map<String, Double> metrics) {
    public NextContactModel {
        Objects.requireNonNull(within7d, "within7d");
        Objects.requireNonNull(within30d, "within30d");
        Objects.requireNonNull(reason, "reason");
        metrics = Map.copyOf(metrics);
    }

    /** The prediction for raw features in rule order, explained. */
    public NextContact predict(double[] raw) {
        double p7 = within7d.probabilityOfRaw(raw);
        double p30 = Math.max(p7, within30d.probabilityOfRaw(raw));
        ContactReasonModel.Reason r = reason.top(raw);
        String why = String.format(Locale.ROOT, "model logistic+platt; reason %s p=%.2f; %s", r.topic(),
                r.probability(), ChurnExplanation.of(within30d.contributions(raw)));
        return new NextContact(p7, p30, r.topic(), why);
    }
}
