package com.callportrait.profile.redis;

import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.OpenIssue;
import com.callportrait.profile.Tag;
import com.callportrait.profile.Tier;
import com.callportrait.profile.TopicOutcome;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The one set of test profiles: small, fixed customer portraits with fixed timestamps, for the
 * store tests here and (through this module's test jar) the application's tests. Stateless.
 */
public final class TestProfiles {
    /** The timestamp of the store tests' profiles. */
    public static final Instant T0 = Instant.parse("2026-11-01T08:30:00Z");
    /** The timestamp of the routing tests' profiles. */
    public static final Instant T = Instant.parse("2026-01-15T10:00:00Z");

    private TestProfiles() {
    }

    /** Jane Doe of the demo data (C1001, gold, one open billing complaint): every field set. */
    public static CustomerProfile jane(String... phones) {
        return new CustomerProfile("C1001", "Jane Doe", List.of(phones), Tier.GOLD, "en", "high-value", 5230.5, 0.82,
                0.64, 0.71,
                List.of(new OpenIssue("CMP-77", "billing", "gas bill disputed twice", T0.minusSeconds(86_400))),
                List.of(new TopicOutcome("billing", "unresolved", T0.minusSeconds(3_600))),
                List.of(new Tag("risk", "complaint-risk-high", "model complaint-risk v3 p=0.71")),
                T0);
    }

    /** A standard-tier customer with nothing on record. */
    public static CustomerProfile plain(String id, String... phones) {
        return new CustomerProfile(id, "Customer " + id, List.of(phones), Tier.STANDARD, "es", null, 10, 0.1, 0.2, 0.05,
                List.of(), List.of(), List.of(), T0);
    }

    /** A customer with the given routing-relevant figures ({@code lastTopic} null = no history). */
    public static CustomerProfile of(String id, String phone, Tier tier, String language, double value,
                                     double risk, int openComplaints, String lastTopic) {
        List<OpenIssue> issues = IntStream.range(0, openComplaints)
                .mapToObj(i -> new OpenIssue("C-" + i, "billing", "complaint " + i, T)).toList();
        List<TopicOutcome> topics = lastTopic == null ? List.of() : List.of(new TopicOutcome(lastTopic, "resolved", T));
        return new CustomerProfile(id, "Customer " + id, List.of(phone), tier, language, "loyal-families", value,
                Math.min(1, value / 50_000), 0.5, risk, issues, topics, List.of(), T);
    }

    /** Jane Doe of the Asterisk recordings: CUST-1001, platinum, phone 5551234, last topic billing. */
    public static CustomerProfile asteriskJane() {
        return of("CUST-1001", "5551234", Tier.PLATINUM, "en", 42_000, 0.1, 0, "billing");
    }
}
