package com.callportrait.bench.profile;

import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.OpenIssue;
import com.callportrait.profile.PhoneOptions;
import com.callportrait.profile.Tag;
import com.callportrait.profile.Tier;
import com.callportrait.profile.TopicOutcome;
import com.callportrait.profile.redis.EmbeddedRedis;
import com.callportrait.profile.redis.ProfileJson;
import com.callportrait.profile.redis.RedisConnector;
import com.callportrait.profile.redis.RedisProfileStore;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * "Profile read for routing": {@code findByPhone} latency and throughput against a real
 * redis-server on loopback (embedded-redis, AOF on as in production) holding N realistic
 * portraits ({@code profile-read}).
 *
 * <p>Each scenario runs a warm-up and then a measured phase with a fixed number of lookups kept in
 * flight (1 = one routing call at a time, the pure latency; 16 and 64 = many concurrent calls on the
 * one multiplexed connection). Callers are random known customers (fixed seed), phones presented in
 * mixed forms so normalisation is included, and every result is checked to be the right customer.
 *
 * <p>Settings: profiles loaded, seconds per measured phase, warm-up seconds, rounds (the
 * script/two-step order alternates per round) and the Redis data directory (emptied first).
 * Lookups that fail (command timeout under overload) are counted in the last column; a lookup
 * returning the wrong customer aborts the run. Single use; not thread-safe.
 */
public final class ProfileReadBenchmark {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final String[] TOPICS = {"billing", "payment", "outage", "meter", "new-service", "move", "complaint", "other"};

    private final int profiles;
    private final int seconds;
    private final int warmup;
    private final int rounds;

    private ProfileReadBenchmark(int profiles, int seconds, int warmup, int rounds) {
        this.profiles = profiles;
        this.seconds = seconds;
        this.warmup = warmup;
        this.rounds = rounds;
    }

    /** Loads {@code profiles} portraits into a fresh embedded Redis under {@code data} and measures. */
    public static void run(int profiles, int seconds, int warmup, int rounds, Path data) throws Exception {
        deleteTree(data);
        try (EmbeddedRedis redis = EmbeddedRedis.builder().freePort().dataDir(data).build().start()) {
            new ProfileReadBenchmark(profiles, seconds, warmup, rounds).run(redis);
        }
    }

    private void run(EmbeddedRedis redis) throws Exception {
        System.out.printf(Locale.ROOT, "machine: %d cores, load average %.1f, Java %s, %s%n",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.version"), redisVersion(redis));
        try (RedisConnector one = RedisConnector.connect(redis.options());
             RedisConnector two = RedisConnector.connect(redis.options().withConnections(2))) {
            RedisProfileStore script = RedisProfileStore.create(one, PhoneOptions.DEFAULT, RedisProfileStore.Lookup.SCRIPT);
            load(script);
            // From here on, INFO commandstats counts lookups only.
            one.sync().configResetstat();
            RedisProfileStore twoStep = RedisProfileStore.create(one, PhoneOptions.DEFAULT, RedisProfileStore.Lookup.TWO_STEP);
            RedisProfileStore scriptTwoConns = RedisProfileStore.create(two, PhoneOptions.DEFAULT, RedisProfileStore.Lookup.SCRIPT);
            // JIT warm-up of both paths before anything is measured.
            measure(script, 16, warmup, null);
            measure(twoStep, 16, warmup, null);
            System.out.println();
            System.out.println("| round | lookup | connections | in flight | lookups/s | p50 ms | p99 ms | p99.9 ms | max ms | failed |");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            for (int round = 1; round <= rounds; round++) {
                // Alternate the order so neither strategy always runs first after the other.
                boolean scriptFirst = round % 2 == 1;
                for (int concurrency : new int[] {1, 16}) {
                    if (scriptFirst) {
                        scenario(round, "script (1 RTT)", 1, script, concurrency);
                        scenario(round, "two-step (2 RTT)", 1, twoStep, concurrency);
                    } else {
                        scenario(round, "two-step (2 RTT)", 1, twoStep, concurrency);
                        scenario(round, "script (1 RTT)", 1, script, concurrency);
                    }
                }
                scenario(round, "script (1 RTT)", 1, script, 64);
                scenario(round, "script (1 RTT)", 2, scriptTwoConns, 64);
            }
            // Server-side CPU per command, independent of client scheduling: what one lookup costs Redis.
            System.out.println();
            one.sync().info("commandstats").lines()
                    .filter(l -> l.startsWith("cmdstat_evalsha:") || l.startsWith("cmdstat_get:"))
                    .forEach(l -> System.out.println("redis " + l));
        }
    }

    private void load(RedisProfileStore store) throws Exception {
        long start = System.nanoTime();
        Semaphore inFlight = new Semaphore(256);
        List<Integer> failed = java.util.Collections.synchronizedList(new ArrayList<>());
        long bytes = 0;
        for (int i = 0; i < profiles; i++) {
            CustomerProfile p = profile(i);
            if (i % 1000 == 0) {
                bytes += ProfileJson.encode(p).length();
            }
            inFlight.acquire();
            int index = i;
            store.save(p).whenComplete((ok, e) -> {
                if (e != null) {
                    failed.add(index);
                }
                inFlight.release();
            });
        }
        inFlight.acquire(256);
        // On a heavily shared machine a save can exceed the command timeout; save those again, one by one.
        for (int index : List.copyOf(failed)) {
            store.save(profile(index)).toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "loaded %,d profiles (about %d bytes of JSON each) in %.1f s: %,.0f saves/s, %d saved again after a timeout%n",
                profiles, bytes / Math.max(1, (profiles + 999) / 1000), s, profiles / s, failed.size());
    }

    private void scenario(int round, String name, int connections, RedisProfileStore store, int concurrency) throws Exception {
        measure(store, concurrency, 1, null);
        long[] samples = new long[Math.max(1_000_000, 400_000 * seconds)];
        AtomicInteger count = new AtomicInteger();
        Recorder recorder = new Recorder(samples, count, new AtomicLong());
        double elapsed = measure(store, concurrency, seconds, recorder);
        int n = Math.min(count.get(), samples.length);
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "| %d | %s | %d | %d | %,.0f | %.3f | %.3f | %.3f | %.3f | %d |%n", round, name, connections,
                concurrency, count.get() / elapsed, pct(sorted, 0.50), pct(sorted, 0.99), pct(sorted, 0.999), sorted[n - 1] / 1e6,
                recorder.failed().get());
    }

    /** Latencies of successful lookups; failed ones (timeouts under overload) are counted, not timed. */
    private record Recorder(long[] samples, AtomicInteger count, AtomicLong failed) {
        void add(long nanos) {
            int i = count.getAndIncrement();
            if (i < samples.length) {
                samples[i] = nanos;
            }
        }
    }

    /** Keeps {@code concurrency} lookups in flight for {@code seconds}; returns the elapsed seconds. */
    private double measure(RedisProfileStore store, int concurrency, int seconds, Recorder recorder) throws Exception {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(concurrency);
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < concurrency; c++) {
            Random random = new Random(42 + c);
            chain(store, random, deadline, recorder, done, errors);
        }
        done.await();
        if (!errors.isEmpty()) {
            throw new IllegalStateException("lookups failed: " + errors.size() + ", first: " + errors.get(0), errors.get(0));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** One caller: look up, check, record, repeat until the deadline (continues on Lettuce's I/O thread). */
    private void chain(RedisProfileStore store, Random random, long deadline, Recorder recorder, CountDownLatch done,
                       List<Throwable> errors) {
        int i = random.nextInt(profiles);
        String presented = (i & 1) == 0 ? String.format("(555) %03d-%04d", i / 10_000, i % 10_000) : "+1 " + phone(i);
        long t0 = System.nanoTime();
        CompletableFuture<java.util.Optional<CustomerProfile>> f = store.findByPhone(presented).toCompletableFuture();
        f.whenComplete((found, error) -> {
            long t1 = System.nanoTime();
            if (error == null && (found.isEmpty() || !found.get().customerId().equals(id(i)))) {
                errors.add(new AssertionError("wrong result for " + presented + ": " + found));
                done.countDown();
                return;
            }
            if (recorder != null) {
                if (error == null) {
                    recorder.add(t1 - t0);
                } else {
                    recorder.failed().incrementAndGet();
                }
            }
            if (t1 >= deadline) {
                done.countDown();
            } else {
                chain(store, random, deadline, recorder, done, errors);
            }
        });
    }

    private static double pct(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    static String id(int i) {
        return String.format("B%07d", i);
    }

    static String phone(int i) {
        return String.format("555 %03d %04d", i / 10_000, i % 10_000);
    }

    /** A portrait of realistic size: tags from each family, open issues, recent topics. */
    static CustomerProfile profile(int i) {
        Random r = new Random(i);
        List<Tag> tags = List.of(
                new Tag("channel", r.nextBoolean() ? "prefers-phone" : "prefers-app", "rule share_phone_90d>=0.6 (share=0." + r.nextInt(10) + ")"),
                new Tag("evaluation", "satisfied", "rule avg_survey_180d>=4 (avg=4." + r.nextInt(10) + ")"),
                new Tag("attribute", "long-tenure", "rule tenure_years>=5 (tenure=" + (5 + r.nextInt(10)) + ")"),
                new Tag("risk", "complaint-risk-" + (r.nextInt(3) == 0 ? "high" : "low"), "model complaint-risk v3 p=0." + r.nextInt(100)),
                new Tag("segment", "potential", "k-means k=5 cluster 3, distance 0." + r.nextInt(1000)));
        List<OpenIssue> issues = new ArrayList<>();
        for (int k = r.nextInt(3); k > 0; k--) {
            issues.add(new OpenIssue("CMP-" + i + "-" + k, TOPICS[r.nextInt(TOPICS.length)], "customer disputes the last invoice amount",
                    T0.minusSeconds(86_400L * r.nextInt(30))));
        }
        List<TopicOutcome> topics = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            topics.add(new TopicOutcome(TOPICS[r.nextInt(TOPICS.length)], r.nextBoolean() ? "resolved" : "escalated",
                    T0.minusSeconds(86_400L * (k * 7 + r.nextInt(7)))));
        }
        return new CustomerProfile(id(i), "Customer " + i, List.of("+1 " + phone(i)), Tier.builtIn().get(r.nextInt(4)),
                r.nextInt(5) == 0 ? "es" : "en", "potential", r.nextInt(20_000) + r.nextInt(100) / 100.0, r.nextDouble(),
                r.nextDouble(), r.nextDouble(), issues, topics, tags, T0);
    }

    private static String redisVersion(EmbeddedRedis redis) {
        try (RedisConnector c = RedisConnector.connect(redis.options())) {
            return c.sync().info("server").lines().filter(l -> l.startsWith("redis_version:")).findFirst().orElse("redis ?")
                    .replace("redis_version:", "Redis ");
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (java.nio.file.Files.exists(dir)) {
            try (var paths = java.nio.file.Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
