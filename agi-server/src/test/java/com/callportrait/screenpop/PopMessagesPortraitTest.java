package com.callportrait.screenpop;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.live.calls.CallRegistry;
import com.callportrait.live.calls.RoutedCall;
import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.NextContact;
import com.callportrait.profile.Tag;
import com.callportrait.profile.OpenIssue;
import com.callportrait.profile.TopicOutcome;
import com.callportrait.profile.redis.TestProfiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The portrait in the screen pop: the engine's next-best action with its reason, how past problems
 * were solved, and learned parts not available yet shown as such.
 */
class PopMessagesPortraitTest {
    private static final Instant AT = Instant.parse("2026-11-20T09:00:00Z");
    private final CallRegistry calls = CallRegistry.create(Clock.systemUTC(), Duration.ofHours(1));

    private JsonNode customer(CustomerProfile p) {
        calls.routed(new RoutedCall("c1", "PJSIP/t-1", "c1.1", "5551234", "Jane", "billing", 0, "s", false, "r",
                Optional.of(p)));
        return PopMessages.pop(calls.get("c1").orElseThrow(), Instant.now()).path("customer");
    }

    private static CustomerProfile with(List<OpenIssue> issues, List<TopicOutcome> topics, String nba,
                                        Map<String, String> unavailable) {
        CustomerProfile p = TestProfiles.asteriskJane();
        return new CustomerProfile(p.customerId(), p.name(), p.phones(), p.tier(), p.language(), p.segment(),
                p.lifetimeValue(), p.valueScore(), 0.72, p.complaintRisk(), issues, topics, p.tags(), p.updatedAt(),
                nba, unavailable);
    }

    @Test
    void theEnginesNextBestActionComesWithItsReason() {
        JsonNode c = customer(with(List.of(new OpenIssue("T-9", "billing", "double charge", AT)), List.of(),
                "Offer a payment plan or direct debit [late_payments_365d=3]", Map.of()));
        // the engine's answer, not the open-issue hint the pop used to make up
        assertThat(c.path("nextBestAction").asText()).isEqualTo("Offer a payment plan or direct debit");
        assertThat(c.path("nextBestActionReason").asText()).isEqualTo("late_payments_365d=3");
    }

    @Test
    void aPortraitTheEngineNeverBuiltGetsAHintFromWhatItShows() {
        JsonNode c = customer(with(List.of(new OpenIssue("T-9", "billing", "double charge", AT)), List.of(), "",
                Map.of()));
        assertThat(c.path("nextBestAction").asText()).contains("T-9");
        assertThat(c.path("nextBestActionReason").asText()).isEqualTo("open since 2026-11-20");
    }

    @Test
    void pastProblemsShowHowTheyWereSolvedWhenAnAgentNotedIt() {
        JsonNode c = customer(with(List.of(), List.of(new TopicOutcome("outage", "resolved", AT, "router reset remotely"),
                new TopicOutcome("billing", "unresolved", AT.minusSeconds(86_400))), "", Map.of()));
        assertThat(c.path("lastTopics").get(0).path("resolution").asText()).isEqualTo("router reset remotely");
        assertThat(c.path("lastTopics").get(1).has("resolution")).isFalse();
    }

    @Test
    void learnedPartsNotAvailableYetAreNullWithTheirReason() {
        JsonNode c = customer(with(List.of(), List.of(), "", Map.of(CustomerProfile.SEGMENT, CustomerProfile.NO_MODEL_YET,
                CustomerProfile.COMPLAINT_RISK, CustomerProfile.NO_MODEL_YET)));
        assertThat(c.path("segment").isNull()).isTrue();
        assertThat(c.path("complaintRisk").isNull()).isTrue();
        assertThat(c.path("unavailable").path("segment").asText()).isEqualTo("no model yet");
        assertThat(c.path("loyaltyScore").asDouble()).isEqualTo(0.72);
        assertThat(c.path("valueScore").isNumber()).isTrue();
        assertThat(customerOfTrained().path("unavailable").isEmpty()).isTrue();
    }

    private JsonNode customerOfTrained() {
        return customer(with(List.of(), List.of(), "", Map.of()));
    }

    private static CustomerProfile outlook(Map<String, String> unavailable, double churn, NextContact next) {
        CustomerProfile p = TestProfiles.asteriskJane();
        return new CustomerProfile(p.customerId(), p.name(), p.phones(), p.tier(), p.language(), p.segment(),
                p.lifetimeValue(), p.valueScore(), 0.72, p.complaintRisk(), List.of(), List.of(),
                List.of(new Tag("risk", "churn-risk-medium", "p=0.12 within 90d; 2 contacts left unresolved in 90 days")),
                p.updatedAt(), "", unavailable, churn, next);
    }

    @Test
    void churnRiskAndNextContactArePoppedWithTheirReasons() {
        JsonNode c = customer(outlook(Map.of(), 0.12, new NextContact(0.3, 0.7, "meter_reading",
                "reason meter_reading p=0.41; last contact 3 days ago")));
        assertThat(c.path("churnRisk").asDouble()).isEqualTo(0.12);
        assertThat(c.path("churnRiskReason").asText()).isEqualTo("p=0.12 within 90d; 2 contacts left unresolved in 90 days");
        assertThat(c.path("nextContact").path("within7d").asDouble()).isEqualTo(0.3);
        assertThat(c.path("nextContact").path("within30d").asDouble()).isEqualTo(0.7);
        assertThat(c.path("nextContact").path("likelyReason").asText()).isEqualTo("meter reading");
        assertThat(c.path("nextContact").path("explanation").asText()).contains("last contact 3 days ago");
    }

    @Test
    void withoutTheirModelsChurnAndNextContactAreNullWithTheReason() {
        JsonNode c = customer(outlook(Map.of(CustomerProfile.CHURN_RISK, CustomerProfile.NO_MODEL_YET,
                CustomerProfile.NEXT_CONTACT, CustomerProfile.NO_MODEL_YET), 0, NextContact.NONE));
        assertThat(c.path("churnRisk").isNull()).isTrue();
        assertThat(c.path("nextContact").isNull()).isTrue();
        assertThat(c.path("unavailable").path("churnRisk").asText()).isEqualTo("no model yet");
        assertThat(c.path("unavailable").path("nextContact").asText()).isEqualTo("no model yet");
    }
}
