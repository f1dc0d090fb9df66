package com.callportrait.bench.agi;

import com.callportrait.bench.agi.load.CallerKind;
import com.callportrait.bench.agi.load.MixEntry;
import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.OpenIssue;
import com.callportrait.profile.ProfileStore;
import com.callportrait.profile.Tag;
import com.callportrait.profile.Tier;
import com.callportrait.profile.TopicOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's customers and callers, from fixed seeds: {@code n} portraits (every tier, three
 * languages, open complaints, recent topics, tags; about 1 KB of JSON each) with phones
 * {@code +1 555 xxx xxxx}, and the caller mix Asterisk presents (national ten-digit form): known
 * VIPs (platinum tier or lifetime value of at least 20,000, as the bundled routing rules treat
 * them), known standard customers, unknown callers and malformed caller ids. Stateless.
 */
public final class BenchCustomers {
    private static final Tier[] TIERS = {Tier.STANDARD, Tier.STANDARD, Tier.STANDARD, Tier.STANDARD, Tier.SILVER,
            Tier.SILVER, Tier.GOLD, Tier.PLATINUM};
    private static final String[] LANGS = {"en", "en", "en", "es", "zh"};
    private static final String[] TOPICS = {"billing", "technical", "payment", "outage", "moving", "upgrade"};
    private static final String[] MALFORMED = {"55*12#", "+", "12", "5551234567890123456789", "abc", "+0044 12",
            "555-CALL-NOW", "9"};
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private BenchCustomers() {
    }

    /** Customer {@code i} (the same for every run). */
    public static CustomerProfile customer(int i) {
        Random r = new Random(1_000_003L * i + 17);
        Tier tier = TIERS[r.nextInt(TIERS.length)];
        double ltv = Math.round(r.nextDouble() * (tier == Tier.PLATINUM ? 60_000 : 24_000));
        List<OpenIssue> issues = r.nextInt(12) == 0
                ? List.of(new OpenIssue("T" + i, "billing", "charged twice for the October invoice", T0.plusSeconds(i)))
                : List.of();
        List<TopicOutcome> topics = new ArrayList<>();
        for (int k = r.nextInt(4); k > 0; k--) {
            topics.add(new TopicOutcome(TOPICS[r.nextInt(TOPICS.length)], k == 1 ? "resolved" : "callback",
                    T0.minusSeconds(86_400L * k + i)));
        }
        List<Tag> tags = List.of(new Tag("value", ltv > 15_000 ? "high-value" : "regular", "lifetime value " + ltv),
                new Tag("behaviour", "prefers-phone", "called 4 times in 90 days, no e-mail contact"));
        return new CustomerProfile("B" + i, "Bench Customer " + i, List.of(phone(i)), tier,
                LANGS[r.nextInt(LANGS.length)], "segment-" + r.nextInt(6), ltv, r.nextDouble(), r.nextDouble(),
                r.nextDouble() * 0.8, issues, topics, tags, T0, "offer the loyalty discount before the contract ends");
    }

    /** True when the bundled routing rules make customer {@code i} a VIP. */
    static boolean vip(CustomerProfile p) {
        return p.tier() == Tier.PLATINUM || p.lifetimeValue() >= 20_000;
    }

    static String phone(int i) {
        return String.format(Locale.ROOT, "+1 555 %03d %04d", i / 10_000, i % 10_000);
    }

    private static String national(int i) {
        return String.format(Locale.ROOT, "555%03d%04d", i / 10_000, i % 10_000);
    }

    /** Saves customers {@code 0..n-1} with at most 256 saves in flight; returns how many were stored. */
    public static long seed(ProfileStore store, int n) throws InterruptedException {
        Semaphore permits = new Semaphore(256);
        AtomicLong stored = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        for (int i = 0; i < n; i++) {
            permits.acquire();
            CompletableFuture<Void> f = store.save(customer(i)).toCompletableFuture();
            f.whenComplete((ok, e) -> {
                (e == null ? stored : failed).incrementAndGet();
                permits.release();
            });
        }
        if (!permits.tryAcquire(256, 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("seeding did not finish within 60 s");
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " of " + n + " customers could not be stored");
        }
        return stored.get();
    }

    /**
     * {@code size} callers: 15 % known VIPs, 65 % known standard customers, 14 % unknown (half
     * {@code unknown}, half numbers nobody owns), 6 % malformed; shuffled with a fixed seed.
     */
    public static List<MixEntry> mix(int customers, int size) {
        Random r = new Random(7);
        List<MixEntry> out = new ArrayList<>(size);
        while (out.size() < size) {
            int roll = r.nextInt(100);
            if (roll < 80) {
                boolean wantVip = roll < 15;
                for (;;) {
                    int i = r.nextInt(customers);
                    CustomerProfile p = customer(i);
                    if (vip(p) == wantVip) {
                        out.add(new MixEntry(wantVip ? CallerKind.VIP : CallerKind.STANDARD, national(i), p.customerId()));
                        break;
                    }
                }
            } else if (roll < 87) {
                out.add(new MixEntry(CallerKind.UNKNOWN, "unknown", ""));
            } else if (roll < 94) {
                out.add(new MixEntry(CallerKind.UNKNOWN, String.format(Locale.ROOT, "666%07d", r.nextInt(10_000_000)), ""));
            } else {
                out.add(new MixEntry(CallerKind.MALFORMED, MALFORMED[r.nextInt(MALFORMED.length)], ""));
            }
        }
        return out;
    }
}
