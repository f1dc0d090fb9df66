package com.callportrait.portrait.engine;

import com.callportrait.portrait.features.Preprocessor;
import com.callportrait.portrait.risk.Auc;
import com.callportrait.portrait.risk.ComplaintRiskModel;
import com.callportrait.portrait.risk.ContactReasonModel;
import com.callportrait.portrait.risk.NextContactModel;
import com.callportrait.portrait.risk.Platt;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;

/**
 * Churn risk and next contact through the {@link ModelRegistry}'s evaluation gate, like the other
 * models: {@code churn_risk} gated by held-out AUC, {@code next_contact} by held-out 30-day AUC (its
 * 7-day and topic models travel in the sidecar, as Tribuo protobuf). A refused candidate leaves the
 * current model in place. Stateless; callers serialise (the maintainer's lock).
 */
public final class OutlookGate {
    /** Registry names. */
    public static final String CHURN = "churn_risk";
    public static final String NEXT_CONTACT = "next_contact";

    /** What the registry keeps next to a calibrated binary Tribuo model. */
    public record BinarySidecar(Preprocessor pre, List<String> inputs, Platt platt, int horizonDays,
                                Map<String, Double> metrics) {
        static BinarySidecar of(ComplaintRiskModel m) {
            return new BinarySidecar(m.pre(), m.inputs(), m.platt(), m.horizonDays(), m.metrics());
        }

        @SuppressWarnings("unchecked")
        ComplaintRiskModel with(Model<?> model) {
            return new ComplaintRiskModel((Model<Label>) model, pre, inputs, platt, horizonDays, metrics);
        }
    }

    /** The next-contact sidecar: the 30-day model's parts, the 7-day and topic models whole. */
    public record NextContactSidecar(BinarySidecar within30d, BinarySidecar within7d, String within7dModel,
                                     Preprocessor reasonPre, List<String> reasonInputs, String reasonModel,
                                     Map<String, Double> metrics) { }

    private OutlookGate() {
    }

    /**
     * Gates the candidate's churn and next-contact models against {@code current} on the candidate's
     * held-out rows; returns the outlook to use next (with registry versions).
     */
    public static OutlookModels offer(ModelRegistry registry, OutlookModels current, OutlookModels candidate,
                                      OutlookTraining.HeldOut held, Instant at) {
        return offer(registry, current, candidate, held, at, ModelVersion.BATCH, null);
    }

    /**
     * As above, recording in each version where its data came from ({@link ModelVersion#BATCH} or
     * {@link ModelVersion#LIVE_RECORDS}) and the training's data window ({@code window} may be null).
     */
    public static OutlookModels offer(ModelRegistry registry, OutlookModels current, OutlookModels candidate,
                                      OutlookTraining.HeldOut held, Instant at, String source,
                                      ModelTraining.DataWindow window) {
        OutlookModels cur = current == null ? OutlookModels.NONE : current;
        if (candidate == null || held == null) {
            return cur;
        }
        OutlookModels out = cur;
        ComplaintRiskModel c = candidate.churn();
        if (c != null) {
            double nw = auc(c, held.churn());
            double old = cur.churn() == null ? Double.NaN : auc(cur.churn(), held.churn());
            ModelVersion v = registry.propose(CHURN, c.model(), BinarySidecar.of(c), "auc", nw, old, c.metrics(),
                    seen(held.churn()), at, source, window);
            if (v.accepted()) {
                out = out.withChurn(c, v.version());
            }
        }
        NextContactModel n = candidate.nextContact();
        if (n != null) {
            double nw = auc(n.within30d(), held.contact30d());
            double old = cur.nextContact() == null ? Double.NaN : auc(cur.nextContact().within30d(), held.contact30d());
            NextContactSidecar side = new NextContactSidecar(BinarySidecar.of(n.within30d()),
                    BinarySidecar.of(n.within7d()), proto(n.within7d().model()), n.reason().pre(), n.reason().inputs(),
                    proto(n.reason().model()), n.metrics());
            ModelVersion v = registry.propose(NEXT_CONTACT, n.within30d().model(), side, "auc_30d", nw, old,
                    n.metrics(), seen(held.contact30d()), at, source, window);
            if (v.accepted()) {
                out = out.withNextContact(n, v.version());
            }
        }
        return out;
    }

    /** The registry's current churn and next-contact versions, or {@link OutlookModels#NONE} parts where none. */
    public static OutlookModels restore(ModelRegistry registry) {
        return restore(registry, Map.of());
    }

    /**
     * The churn and next-contact versions named in {@code versions} ({@link ModelBundle#versions()}
     * form), and for a model not named there the registry's current version; {@link OutlookModels#NONE}
     * parts where there is none or its files are missing.
     */
    @SuppressWarnings("unchecked")
    public static OutlookModels restore(ModelRegistry registry, Map<String, Integer> versions) {
        OutlookModels out = OutlookModels.NONE;
        Integer cv = wanted(registry, CHURN, versions);
        if (cv != null) {
            var side = registry.sidecar(CHURN, cv, BinarySidecar.class);
            if (side.isPresent()) {
                out = out.withChurn(side.get().with(registry.load(CHURN, cv)), cv);
            }
        }
        Integer nv = wanted(registry, NEXT_CONTACT, versions);
        if (nv != null) {
            var side = registry.sidecar(NEXT_CONTACT, nv, NextContactSidecar.class);
            if (side.isPresent()) {
                NextContactSidecar s = side.get();
                ComplaintRiskModel m30 = s.within30d().with(registry.load(NEXT_CONTACT, nv));
                ComplaintRiskModel m7 = s.within7d().with(unproto(s.within7dModel()));
                ContactReasonModel r = new ContactReasonModel((Model<Label>) unproto(s.reasonModel()), s.reasonPre(),
                        s.reasonInputs());
                out = out.withNextContact(new NextContactModel(m7, m30, r, s.metrics()), nv);
            }
        }
        return out;
    }

    private static Integer wanted(ModelRegistry registry, String name, Map<String, Integer> versions) {
        Integer v = versions.get(name);
        if (v != null && v > 0) {
            return v;
        }
        return registry.current(name).map(ModelVersion::version).orElse(null);
    }

    static double auc(ComplaintRiskModel m, OutlookTraining.Rows rows) {
        double[] p = new double[rows.raw().size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = m.probabilityOfRaw(rows.raw().get(i));
        }
        return Auc.of(p, rows.labels());
    }

    private static Map<String, Long> seen(OutlookTraining.Rows rows) {
        return Map.of("heldout", (long) rows.labels().length,
                "heldout_positive", (long) OutlookTraining.count(rows.labels(), true));
    }

    static String proto(Model<?> m) {
        return Base64.getEncoder().encodeToString(m.serialize().toByteArray());
    }

    static Model<?> unproto(String b64) {
        try {
            return Model.deserialize(ModelProto.parseFrom(Base64.getDecoder().decode(b64)));
        } catch (IOException e) {
            throw new com.callportrait.portrait.PortraitException("cannot read a stored model: " + e.getMessage(), e);
        }
    }
}
