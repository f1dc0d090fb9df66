package com.callportrait.profile.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

    @Test
    void readsWhatInstantToStringWritesExactly() {
        Random r = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(r.nextInt(2_000_000_000) + 100_000_000L * r.nextInt(2),
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> r.nextInt(1000) * 1_000_000;
                        case 2 -> r.nextInt(1_000_000) * 1000;
                        default -> r.nextInt(1_000_000_000);
                    });
            assertThat(IsoInstants.parse(t.toString())).as(t.toString()).isEqualTo(t);
        }
    }

    @Test
    void leavesEveryOtherFormToTheStandardParser() {
        assertThat(IsoInstants.parse("2026-11-01T08:30:00+01:00")).isNull();
        assertThat(IsoInstants.parse("2026-11-01 08:30:00Z")).isNull();
        assertThat(IsoInstants.parse("2026-02-30T08:30:00Z")).as("no 30 February").isNull();
        assertThat(IsoInstants.parse("2026-11-01T24:00:00Z")).isNull();
        assertThat(IsoInstants.parse("2026-11-01T08:30:00.Z")).isNull();
        assertThat(IsoInstants.parse("2026-11-01T08:30:00.1234567890Z")).isNull();
        assertThat(IsoInstants.parse("+12026-11-01T08:30:00Z")).isNull();
    }

    @Test
    void profilesWithOffsetInstantsStillDecode() {
        String json = "{\"customerId\":\"C1\",\"phones\":[],\"tier\":\"GOLD\",\"openIssues\":[],\"lastTopics\":[],"
                + "\"tags\":[],\"updatedAt\":\"2026-01-01T01:00:00+01:00\"}";
        assertThat(ProfileJson.decode(json, "k").updatedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        String plain = json.replace("2026-01-01T01:00:00+01:00", "2026-01-01T00:00:00.250Z");
        assertThat(ProfileJson.decode(plain, "k").updatedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.250Z"));
    }
}
