package com.callportrait.testing;

import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.OpenIssue;
import com.callportrait.profile.Tier;
import com.callportrait.profile.TopicOutcome;
import java.time.Instant;
import java.util.List;

/** Small, fixed customer portraits for tests. */
public final class TestProfiles {
    public static final Instant T = Instant.parse("2026-01-15T10:00:00Z");

    private TestProfiles() {
    }

    public static CustomerProfile of(String id, String phone, Tier tier, String language, double value,
                                     double risk, int openComplaints, String lastTopic) {
        List<OpenIssue> issues = java.util.stream.IntStream.range(0, openComplaints)
                .mapToObj(i -> new OpenIssue("C-" + i, "billing", "complaint " + i, T)).toList();
        List<TopicOutcome> topics = lastTopic == null ? List.of() : List.of(new TopicOutcome(lastTopic, "resolved", T));
        return new CustomerProfile(id, "Customer " + id, List.of(phone), tier, language, "loyal-families", value,
                Math.min(1, value / 50_000), 0.5, risk, issues, topics, List.of(), T);
    }

    /** Jane Doe of the Asterisk recordings: platinum, phone 5551234, last topic billing. */
    public static CustomerProfile jane() {
        return of("CUST-1001", "5551234", Tier.PLATINUM, "en", 42_000, 0.1, 0, "billing");
    }
}
