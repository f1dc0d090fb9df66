package com.callportrait.portrait.engine;

import com.callportrait.portrait.risk.ComplaintRiskModel;
import com.callportrait.portrait.risk.NextContactModel;

/**
 * The forward-looking models of a bundle: churn risk and next contact, each with its registry
 * version (0 when unregistered). Either may be {@code null}: not trained (a features file without
 * its input list, or too few labels). Immutable.
 *
 * @param churn              calibrated churn classifier (label: closed within the churn horizon)
 * @param churnVersion       registry version of {@code churn}
 * @param nextContact        next-contact models
 * @param nextContactVersion registry version of {@code nextContact}
 */
public record OutlookModels(ComplaintRiskModel churn, int churnVersion, NextContactModel nextContact,
                            int nextContactVersion) {
    /** Nothing trained. */
    public static final OutlookModels NONE = new OutlookModels(null, 0, null, 0);

    public OutlookModels withChurn(ComplaintRiskModel m, int version) {
        return new OutlookModels(m, version, nextContact, nextContactVersion);
    }

    public OutlookModels withNextContact(NextContactModel m, int version) {
        return new OutlookModels(churn, churnVersion, m, version);
    }
}
