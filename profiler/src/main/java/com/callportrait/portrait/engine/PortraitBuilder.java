package com.callportrait.portrait.engine;

import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.NextContact;
import com.callportrait.profile.OpenIssue;
import com.callportrait.profile.Tag;
import com.callportrait.profile.Tier;
import com.callportrait.profile.TopicOutcome;
import com.callportrait.portrait.features.CaseFact;
import com.callportrait.portrait.features.CustomerHistory;
import com.callportrait.portrait.features.FeatureExtractor;
import com.callportrait.portrait.risk.ChurnExplanation;
import com.callportrait.portrait.risk.ComplaintRiskModel;
import com.callportrait.portrait.risk.ValueScorer;
import com.callportrait.portrait.segment.SegmentModel;
import com.callportrait.portrait.semantic.Contact;
import com.callportrait.portrait.tags.FeatureView;
import com.callportrait.portrait.tags.NextBestAction;
import com.callportrait.portrait.tags.PortraitFacts;
import com.callportrait.portrait.tags.TagLibrary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns one customer's history into the explained portrait, with the given models, as of a moment.
 * A pure function of (history, models, asOf): the batch build and the live update both call it,
 * which is why they agree. Without models (none trained on this centre's records yet) the portrait
 * has its rule-based parts (features, loyalty, rule tags, open issues, next-best action) and names
 * the learned ones it lacks ({@link CustomerProfile#unavailable()}); nothing is made up for them.
 * Thread-safe; locks the history while reading it.
 */
public final class PortraitBuilder {
    /** How many recent contacts the agent sees with their outcome. */
    public static final int LAST_TOPICS = 5;

    private final PortraitConfig config;
    private final FeatureExtractor extractor;
    private final TagLibrary tags = new TagLibrary();
    private final NextBestAction nba = new NextBestAction();

    public PortraitBuilder(PortraitConfig config) {
        this.config = config;
        this.extractor = config.extractor();
    }

    /** @param models the current models, or {@code null} while none is trained */
    public CustomerProfile build(CustomerHistory h, ModelBundle models, Instant asOf) {
        synchronized (h) {
            return buildLocked(h, models, asOf);
        }
    }

    private CustomerProfile buildLocked(CustomerHistory h, ModelBundle models, Instant asOf) {
        long now = asOf.getEpochSecond();
        FeatureExtractor.Extraction ex = extractor.extract(h, now);
        FeatureView x = new FeatureView(config.rules(), ex.values());
        boolean learned = models != null;
        SegmentModel.Assignment seg = learned ? models.segment().assign(ex.values())
                : new SegmentModel.Assignment(-1, CustomerProfile.UNASSIGNED, CustomerProfile.NO_MODEL_YET);
        ComplaintRiskModel.Risk risk = learned ? models.risk().assess(ex.values())
                : new ComplaintRiskModel.Risk(0, CustomerProfile.NO_MODEL_YET);
        ValueScorer.Score value = learned ? models.value().value(x.get("monthly_spend"), x.get("lifetime_value"))
                : new ValueScorer.Score(0, CustomerProfile.NO_MODEL_YET);
        int bills = 0;
        int late = 0;
        for (var b : h.bills()) {
            if (b.issued() <= now && b.issued() > now - 365 * 86_400L) {
                bills++;
                late += b.lateAsOf(now) ? 1 : 0;
            }
        }
        ValueScorer.Score loyalty = ValueScorer.loyalty(x.get("tenure_days"), late, bills, x.get("survey_mean"),
                nz(x.get("close_intent_90d")));
        List<OpenIssue> complaints = open(h.complaints(), now);
        List<OpenIssue> tickets = open(h.tickets(), now);
        PortraitFacts facts = new PortraitFacts(x, ex.links(), h.tier(), h.language(), seg.name(), seg.explanation(),
                risk.probability(), risk.explanation(), value.value(), value.explanation(), loyalty.value(),
                complaints, tickets);
        List<Tag> tagList = new ArrayList<>(tags.tags(facts));
        if (learned) {
            tagList.add(new Tag("attribute", "value-" + band(value.value()), value.explanation()));
        } else {
            // the segment and risk-level tags would only restate the placeholders
            tagList.removeIf(t -> t.family().equals("segment") || t.name().startsWith("complaint-risk-"));
        }
        tagList.add(new Tag("attribute", "loyalty-" + band(loyalty.value()), loyalty.explanation()));
        Map<String, String> missing = new java.util.TreeMap<>(learned ? Map.of() : NOT_TRAINED);
        OutlookModels outlook = learned ? models.outlook() : OutlookModels.NONE;
        double churn = 0;
        if (h.closedBy(now)) {
            churn = 1;
            tagList.removeIf(t -> t.name().equals("churn-risk"));
            tagList.add(new Tag("risk", "account-closed", "crm closed_at=" + Instant.ofEpochSecond(h.closed())));
        } else if (outlook.churn() != null) {
            churn = outlook.churn().probabilityOfRaw(ex.values());
            // the learned tag explains itself (and weighs the "asked to move or close" the rule tag shows)
            tagList.removeIf(t -> t.name().equals("churn-risk"));
            tagList.add(TagLibrary.churnTag(churn, config.churnDays(),
                    ChurnExplanation.of(outlook.churn().contributions(ex.values()))));
        } else {
            missing.put(CustomerProfile.CHURN_RISK, CustomerProfile.NO_MODEL_YET);
        }
        NextContact next = NextContact.NONE;
        if (h.closedBy(now)) {
            next = NextContact.NONE; // a closed account is not expected to call
        } else if (outlook.nextContact() != null) {
            next = outlook.nextContact().predict(ex.values());
        } else {
            missing.put(CustomerProfile.NEXT_CONTACT, CustomerProfile.NO_MODEL_YET);
        }
        List<OpenIssue> issues = facts.openIssues();
        List<TopicOutcome> last = new ArrayList<>();
        List<Contact> cs = ex.links().contacts();
        for (int i = cs.size() - 1; i >= 0 && last.size() < LAST_TOPICS; i--) {
            Contact c = cs.get(i);
            last.add(new TopicOutcome(c.topic(), c.outcome(), Instant.ofEpochSecond(c.at()), c.note()));
        }
        List<String> phones = h.phone() == null ? List.of() : List.of(h.phone());
        return new CustomerProfile(h.customerId(), h.name(), phones, Tier.parse(h.tier()), h.language(), seg.name(),
                Math.max(0, h.lifetimeValue()), value.value(), loyalty.value(), risk.probability(), issues, last,
                tagList, asOf, nba.decide(facts, tagList), missing, churn, next,
                learned ? models.versions() : Map.of());
    }

    /** What a portrait built without models lacks, and why. */
    private static final Map<String, String> NOT_TRAINED = Map.of(CustomerProfile.SEGMENT, CustomerProfile.NO_MODEL_YET,
            CustomerProfile.COMPLAINT_RISK, CustomerProfile.NO_MODEL_YET,
            CustomerProfile.VALUE_SCORE, CustomerProfile.NO_MODEL_YET);

    private static String band(double v) {
        return v >= 0.67 ? "high" : v >= 0.33 ? "medium" : "low";
    }

    private static List<OpenIssue> open(List<CaseFact> cases, long now) {
        List<OpenIssue> out = new ArrayList<>();
        for (int i = cases.size() - 1; i >= 0; i--) {
            CaseFact c = cases.get(i);
            if (c.openAsOf(now)) {
                out.add(new OpenIssue(c.id(), c.topic(), c.summary(), Instant.ofEpochSecond(c.opened())));
            }
        }
        return out;
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
