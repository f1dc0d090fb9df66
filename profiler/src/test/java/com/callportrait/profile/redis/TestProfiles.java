package com.callportrait.profile.redis;

import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.OpenIssue;
import com.callportrait.profile.Tag;
import com.callportrait.profile.Tier;
import com.callportrait.profile.TopicOutcome;

import java.time.Instant;
import java.util.List;

/** Profiles for store tests: every field set, fixed timestamps. */
final class TestProfiles {
    static final Instant T0 = Instant.parse("2026-11-01T08:30:00Z");

    private TestProfiles() {
    }

    static CustomerProfile jane(String... phones) {
        return new CustomerProfile("C1001", "Jane Doe", List.of(phones), Tier.GOLD, "en", "high-value", 5230.5, 0.82,
                0.64, 0.71,
                List.of(new OpenIssue("CMP-77", "billing", "gas bill disputed twice", T0.minusSeconds(86_400))),
                List.of(new TopicOutcome("billing", "unresolved", T0.minusSeconds(3_600))),
                List.of(new Tag("risk", "complaint-risk-high", "model complaint-risk v3 p=0.71")),
                T0);
    }

    static CustomerProfile plain(String id, String... phones) {
        return new CustomerProfile(id, "Customer " + id, List.of(phones), Tier.STANDARD, "es", null, 10, 0.1, 0.2, 0.05,
                List.of(), List.of(), List.of(), T0);
    }
}
