package com.callportrait.profile.redis;

import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.Tier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileJsonTest {

    @Test
    void roundTripKeepsEveryField() {
        CustomerProfile jane = TestProfiles.jane("+1 555 123 4567", "5551234");
        assertThat(ProfileJson.decode(ProfileJson.encode(jane), "k")).isEqualTo(jane);
    }

    @Test
    void usesComponentNamesAndIsoInstants() {
        String json = ProfileJson.encode(TestProfiles.jane("5551234"));
        assertThat(json).contains("\"customerId\":\"C1001\"", "\"tier\":\"GOLD\"", "\"updatedAt\":\"2026-11-01T08:30:00Z\"",
                "\"openedAt\":\"2026-10-31T08:30:00Z\"", "\"phones\":[\"5551234\"]");
        assertThat(json).doesNotContain("openComplaints", "lastTopic\"");
    }

    @Test
    void unknownFieldsAreIgnoredAndDefaultsApply() {
        String json = "{\"customerId\":\"C9\",\"phones\":[],\"tier\":\"SILVER\",\"openIssues\":[],\"lastTopics\":[],"
                + "\"tags\":[],\"updatedAt\":\"2026-01-01T00:00:00Z\",\"futureField\":42}";
        CustomerProfile p = ProfileJson.decode(json, "k");
        assertThat(p.segment()).isEqualTo(CustomerProfile.UNASSIGNED);
        assertThat(p.language()).isEqualTo("en");
    }

    @Test
    void anyTierLabelIsStoredAndBuiltInTiersKeepTheirOldForm() {
        // Profiles written when tiers were a closed list hold the enum name; they still read.
        String old = "{\"customerId\":\"C9\",\"phones\":[\"5551234\"],\"tier\":\"PLATINUM\",\"openIssues\":[],"
                + "\"lastTopics\":[],\"tags\":[],\"updatedAt\":\"2026-01-01T00:00:00Z\"}";
        assertThat(ProfileJson.decode(old, "k").tier()).isEqualTo(Tier.PLATINUM);
        CustomerProfile jane = TestProfiles.jane("5551234");
        CustomerProfile vip = new CustomerProfile(jane.customerId(), jane.name(), jane.phones(), Tier.parse("VIP"),
                jane.language(), jane.segment(), jane.lifetimeValue(), jane.valueScore(), jane.loyaltyScore(),
                jane.complaintRisk(), jane.openIssues(), jane.lastTopics(), jane.tags(), jane.updatedAt());
        String json = ProfileJson.encode(vip);
        assertThat(json).contains("\"tier\":\"vip\"");
        assertThat(ProfileJson.decode(json, "k")).isEqualTo(vip);
        assertThat(ProfileJson.decode(json.replace("\"vip\"", "\"Vip\""), "k").tier()).isEqualTo(Tier.parse("vip"));
    }

    @Test
    void corruptValuesAreReportedWithTheKey() {
        assertThatThrownBy(() -> ProfileJson.decode("{not json", "cp:profile:{C1}"))
                .isInstanceOf(RedisStoreException.class).hasMessageContaining("cp:profile:{C1}");
        assertThatThrownBy(() -> ProfileJson.decode("{\"customerId\":\"C1\",\"phones\":[],\"tier\":\"GOLD\",\"valueScore\":7,"
                + "\"openIssues\":[],\"lastTopics\":[],\"tags\":[],\"updatedAt\":\"2026-01-01T00:00:00Z\"}", "k"))
                .isInstanceOf(RedisStoreException.class).hasMessageContaining("valueScore");
    }

    @Test
    void churnRiskAndNextContactRoundTripAndOlderJsonReadsAsNone() throws Exception {
        CustomerProfile j = TestProfiles.jane("5551234");
        CustomerProfile p = new CustomerProfile(j.customerId(), j.name(), j.phones(), j.tier(), j.language(),
                j.segment(), j.lifetimeValue(), j.valueScore(), j.loyaltyScore(), j.complaintRisk(), j.openIssues(),
                j.lastTopics(), j.tags(), j.updatedAt(), j.nextBestAction(), java.util.Map.of(), 0.31,
                new com.callportrait.profile.NextContact(0.2, 0.6, "meter", "reason meter p=0.40"));
        String json = ProfileJson.encode(p);
        assertThat(json).contains("\"churnRisk\":0.31", "\"likelyReason\":\"meter\"");
        assertThat(ProfileJson.decode(json, "k")).isEqualTo(p);
        // a portrait stored before these fields existed
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                ProfileJson.mapper().readTree(json);
        tree.remove(java.util.List.of("churnRisk", "nextContact"));
        assertThat(tree.has("churnRisk")).isFalse();
        CustomerProfile old = ProfileJson.decode(tree.toString(), "k");
        assertThat(old.nextContact()).isEqualTo(com.callportrait.profile.NextContact.NONE);
        assertThat(old.churnRisk()).isZero();
        // without a model: null in the JSON with the reason, read back as the same portrait
        CustomerProfile untrained = new CustomerProfile(j.customerId(), j.name(), j.phones(), j.tier(), j.language(),
                j.segment(), j.lifetimeValue(), j.valueScore(), j.loyaltyScore(), j.complaintRisk(), j.openIssues(),
                j.lastTopics(), j.tags(), j.updatedAt(), j.nextBestAction(), java.util.Map.of(CustomerProfile.CHURN_RISK,
                CustomerProfile.NO_MODEL_YET, CustomerProfile.NEXT_CONTACT, CustomerProfile.NO_MODEL_YET), 0,
                com.callportrait.profile.NextContact.NONE);
        String u = ProfileJson.encode(untrained);
        assertThat(u).contains("\"churnRisk\":null", "\"nextContact\":null");
        assertThat(ProfileJson.decode(u, "k")).isEqualTo(untrained);
    }
}
