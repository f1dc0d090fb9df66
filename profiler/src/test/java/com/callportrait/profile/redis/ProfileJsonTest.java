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
}
