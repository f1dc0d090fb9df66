package com.callportrait.portrait.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.callportrait.portrait.clean.CleaningReport;
import com.callportrait.portrait.collect.CustomerRecord;
import com.callportrait.portrait.collect.FeedbackRecord;
import com.callportrait.portrait.collect.InteractionJson;
import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.NextAction;
import com.callportrait.profile.Tag;
import com.callportrait.profile.memory.InMemoryProfileStore;
import com.callportrait.profile.redis.ProfileJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A centre with no trained models yet: portraits keep their rule-based parts and name the learned
 * ones they lack; nothing is invented for them. And how a past problem was solved (the agent's
 * disposition note) reaches the portrait.
 */
class UntrainedPortraitTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final String PHONE = "+15551230001";

    private static LiveUpdater untrained(HistoryStore histories, InMemoryProfileStore store) {
        PortraitConfig config = PortraitConfig.load();
        new HistoryIngest(config, histories, new CleaningReport(), null).customer(new CustomerRecord("K1", "Kim Doe",
                config.normalisePhone(PHONE), "gold", "en", NOW.minusSeconds(3 * 365 * 86_400L), 1200.0));
        return new LiveUpdater(config, histories, store, () -> null, Clock.fixed(NOW, ZoneOffset.UTC), null);
    }

    private static InteractionRecord call(String id, Instant at, String outcome, String text) {
        return new InteractionRecord(id, null, PHONE, "voice", at, "billing", "agent1", 30, 300, outcome, null, null,
                null, text);
    }

    @Test
    void withoutModelsThePortraitHasItsRuleBasedPartsAndSaysWhichLearnedOnesAreMissing() throws Exception {
        InMemoryProfileStore store = InMemoryProfileStore.create();
        LiveUpdater updater = untrained(new HistoryStore(), store);
        CustomerProfile p = updater.onInteraction(call("c-1", NOW.minusSeconds(3600), "unresolved",
                "caller: my bill is wrong i was charged twice on the invoice")).toCompletableFuture().join().orElseThrow();

        assertThat(p.unavailable()).isEqualTo(Map.of(CustomerProfile.SEGMENT, CustomerProfile.NO_MODEL_YET,
                CustomerProfile.COMPLAINT_RISK, CustomerProfile.NO_MODEL_YET,
                CustomerProfile.VALUE_SCORE, CustomerProfile.NO_MODEL_YET,
                CustomerProfile.CHURN_RISK, CustomerProfile.NO_MODEL_YET,
                CustomerProfile.NEXT_CONTACT, CustomerProfile.NO_MODEL_YET));
        assertThat(p.has(CustomerProfile.SEGMENT)).isFalse();
        assertThat(p.segment()).isEqualTo(CustomerProfile.UNASSIGNED);
        // rule-based parts are all there
        assertThat(p.loyaltyScore()).isGreaterThan(0);
        assertThat(p.lastTopics()).hasSize(1).first().extracting(t -> t.topic()).isEqualTo("billing");
        assertThat(p.tags()).extracting(Tag::name).contains("loyalty-" + (p.loyaltyScore() >= 0.67 ? "high"
                : p.loyaltyScore() >= 0.33 ? "medium" : "low"));
        // no tag restates a placeholder as if a model had said it
        assertThat(p.tags()).noneMatch(t -> t.family().equals("segment") || t.name().startsWith("complaint-risk-")
                || t.name().startsWith("value-"));
        assertThat(NextAction.parse(p.nextBestAction()).reason()).isNotEmpty();
        assertThat(store.findByPhone(PHONE).toCompletableFuture().join()).contains(p);

        // stored JSON: the learned parts are null with their reason; it reads back as the same portrait
        String json = ProfileJson.encode(p);
        JsonNode n = new ObjectMapper().readTree(json);
        assertThat(n.get("segment").isNull()).isTrue();
        assertThat(n.get("complaintRisk").isNull()).isTrue();
        assertThat(n.get("valueScore").isNull()).isTrue();
        assertThat(n.get("loyaltyScore").asDouble()).isEqualTo(p.loyaltyScore());
        assertThat(n.get("unavailable").get("segment").asText()).isEqualTo("no model yet");
        assertThat(ProfileJson.decode(json, "test")).isEqualTo(p);
    }

    @Test
    void aPortraitWithModelsHasNothingUnavailableAndItsJsonIsUnchanged() throws Exception {
        BatchBuild.Result base = EngineFixture.build();
        CustomerProfile p = base.sample().values().iterator().next();
        assertThat(p.unavailable()).isEmpty();
        JsonNode n = new ObjectMapper().readTree(ProfileJson.encode(p));
        assertThat(n.get("segment").asText()).isEqualTo(p.segment()).isNotEqualTo(CustomerProfile.UNASSIGNED);
        assertThat(n.get("unavailable").isEmpty()).isTrue();
    }

    @Test
    void theDispositionNoteSaysHowAPastProblemWasSolved() {
        HistoryStore histories = new HistoryStore();
        LiveUpdater updater = untrained(histories, InMemoryProfileStore.create());
        // noted with the call's own record (disposition before the hangup)
        updater.onInteraction(call("c-1", NOW.minusSeconds(7200), "resolved", "caller: my bill is wrong")
                .withNote("refunded the double charge")).toCompletableFuture().join();
        // noted afterwards, as feedback to the second call
        updater.onInteraction(call("c-2", NOW.minusSeconds(3600), null, "caller: the internet is down again"))
                .toCompletableFuture().join();
        CustomerProfile p = updater.onFeedback(new FeedbackRecord("c-2", null, PHONE, null, "resolved",
                NOW.minusSeconds(600), "router reset remotely")).toCompletableFuture().join().orElseThrow();
        assertThat(p.lastTopics()).extracting(t -> t.resolution())
                .containsExactly("router reset remotely", "refunded the double charge");
        // a later survey score (no note) keeps the note
        CustomerProfile after = updater.onFeedback(new FeedbackRecord("c-2", null, PHONE, 4, null, NOW))
                .toCompletableFuture().join().orElseThrow();
        assertThat(after.lastTopics().get(0).resolution()).isEqualTo("router reset remotely");
    }

    @Test
    void notesTravelThroughTheRecordJson() {
        InteractionRecord r = call("c-9", NOW, "resolved", "caller: hello").withNote("replaced the meter");
        assertThat(InteractionJson.decode(InteractionJson.encode(r))).isEqualTo(r);
        assertThat(InteractionJson.decode(InteractionJson.encode(r.withNote(null))).note()).isNull();
        FeedbackRecord f = new FeedbackRecord("c-9", "K1", null, null, "resolved", NOW, "credit issued");
        assertThat(InteractionJson.decodeFeedback(InteractionJson.encodeFeedback(f))).isEqualTo(f);
        assertThat(InteractionJson.decodeFeedback("{\"interaction_id\":\"x\",\"survey\":3,\"at\":\"" + NOW + "\"}")
                .note()).isNull();
    }
}
