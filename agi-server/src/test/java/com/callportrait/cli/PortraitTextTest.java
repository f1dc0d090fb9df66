package com.callportrait.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.NextContact;
import com.callportrait.profile.Tag;
import com.callportrait.profile.TopicOutcome;
import com.callportrait.profile.redis.TestProfiles;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code profile show}: learned parts not available yet, and how past problems were solved. */
class PortraitTextTest {
    private static CustomerProfile with(Map<String, String> unavailable) {
        CustomerProfile p = TestProfiles.asteriskJane();
        return new CustomerProfile(p.customerId(), p.name(), p.phones(), p.tier(), p.language(), p.segment(),
                p.lifetimeValue(), 0.5, 0.64, 0.25, List.of(), List.of(new TopicOutcome("outage", "resolved",
                Instant.parse("2026-11-20T09:00:00Z"), "router reset remotely")), List.of(), p.updatedAt(),
                "Resolve the request; no special action [no rule matched]", unavailable);
    }

    @Test
    void learnedPartsNotAvailableYetSaySoAndWhy() {
        String text = PortraitText.render(with(Map.of(CustomerProfile.SEGMENT, CustomerProfile.NO_MODEL_YET,
                CustomerProfile.COMPLAINT_RISK, CustomerProfile.NO_MODEL_YET,
                CustomerProfile.VALUE_SCORE, CustomerProfile.NO_MODEL_YET)));
        assertThat(text).contains("segment         not available yet (no model yet)")
                .contains("value not available yet (no model yet)  loyalty 0.64  complaint risk not available yet"
                        + " (no model yet)");
    }

    @Test
    void trainedPortraitsPrintTheirScoresAsBeforeAndPastProblemsHowTheyWereSolved() {
        String text = PortraitText.render(with(Map.of()));
        assertThat(text).contains("value 0.50  loyalty 0.64  complaint risk 0.25")
                .contains("outage -> resolved (2026-11-20T09:00:00Z): router reset remotely");
    }

    private static CustomerProfile outlook(Map<String, String> unavailable, double churn, NextContact next) {
        CustomerProfile p = TestProfiles.asteriskJane();
        return new CustomerProfile(p.customerId(), p.name(), p.phones(), p.tier(), p.language(), p.segment(),
                p.lifetimeValue(), 0.5, 0.64, 0.25, List.of(), List.of(), List.of(new Tag("risk", "churn-risk-high",
                "p=0.31 within 90d; 3 unresolved billing complaints, satisfaction falling (-1.5)")), p.updatedAt(),
                "", unavailable, churn, next);
    }

    @Test
    void churnRiskAndNextContactAreShownWithTheirReasons() {
        String text = PortraitText.render(outlook(Map.of(), 0.31, new NextContact(0.18, 0.62, "meter_reading",
                "model logistic+platt; reason meter_reading p=0.44; last contact 3 days ago")));
        assertThat(text).contains("churn risk      0.31 (churn-risk-high: p=0.31 within 90d; 3 unresolved billing"
                + " complaints, satisfaction falling (-1.5))")
                .contains("next contact    within 7 days 0.18, within 30 days 0.62; likely calling about: meter reading"
                        + " (model logistic+platt; reason meter_reading p=0.44; last contact 3 days ago)");
    }

    @Test
    void withoutTheirModelsChurnAndNextContactSayNoModelYet() {
        String text = PortraitText.render(outlook(Map.of(CustomerProfile.CHURN_RISK, CustomerProfile.NO_MODEL_YET,
                CustomerProfile.NEXT_CONTACT, CustomerProfile.NO_MODEL_YET), 0, NextContact.NONE));
        assertThat(text).contains("churn risk      not available yet (no model yet)")
                .contains("next contact    not available yet (no model yet)");
    }
}
