package com.callportrait.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.profile.CustomerProfile;
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
}
