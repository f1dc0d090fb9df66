package com.callportrait.portrait.engine;

import com.callportrait.portrait.risk.ComplaintRiskModel;
import com.callportrait.portrait.risk.ValueScorer;
import com.callportrait.portrait.segment.SegmentModel;
import java.util.Objects;

/**
 * The models one portrait is computed with. Immutable; swapped as a whole when a retrained model
 * passes the evaluation gate.
 *
 * @param segment        segmentation
 * @param risk           complaint risk
 * @param value          value scorer (fitted quantiles)
 * @param segmentVersion registry version of the segment model, 0 when unregistered
 * @param riskVersion    registry version of the risk model, 0 when unregistered
 * @param outlook        churn risk and next contact ({@link OutlookModels#NONE} when not trained)
 */
public record ModelBundle(SegmentModel segment, ComplaintRiskModel risk, ValueScorer value, int segmentVersion,
                          int riskVersion, OutlookModels outlook) {
    public ModelBundle {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(value, "value");
        outlook = outlook == null ? OutlookModels.NONE : outlook;
    }

    /** Without churn and next-contact models. */
    public ModelBundle(SegmentModel segment, ComplaintRiskModel risk, ValueScorer value, int segmentVersion,
                       int riskVersion) {
        this(segment, risk, value, segmentVersion, riskVersion, OutlookModels.NONE);
    }

    /**
     * Registry version of every model in the bundle, by registry model name (what a portrait
     * records as the models it was computed with, and what instances publish to each other):
     * segment and complaint risk always, churn risk and next contact when the bundle has them.
     */
    public java.util.Map<String, Integer> versions() {
        java.util.Map<String, Integer> v = new java.util.TreeMap<>();
        v.put(ModelMaintainer.SEGMENT, segmentVersion);
        v.put(ModelMaintainer.RISK, riskVersion);
        if (outlook.churn() != null) {
            v.put(OutlookGate.CHURN, outlook.churnVersion());
        }
        if (outlook.nextContact() != null) {
            v.put(OutlookGate.NEXT_CONTACT, outlook.nextContactVersion());
        }
        return java.util.Collections.unmodifiableMap(v);
    }

    public ModelBundle withRisk(ComplaintRiskModel m, int version) {
        return new ModelBundle(segment, m, value, segmentVersion, version, outlook);
    }

    public ModelBundle withSegment(SegmentModel m, int version) {
        return new ModelBundle(m, risk, value, version, riskVersion, outlook);
    }

    public ModelBundle withOutlook(OutlookModels o) {
        return new ModelBundle(segment, risk, value, segmentVersion, riskVersion, o);
    }
}
