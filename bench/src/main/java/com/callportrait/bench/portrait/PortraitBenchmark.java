package com.callportrait.bench.portrait;

import com.callportrait.profile.PhoneOptions;
import com.callportrait.profile.ProfileStore;
import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.portrait.engine.BatchBuild;
import com.callportrait.portrait.engine.BuildListener;
import com.callportrait.portrait.engine.LiveUpdater;
import com.callportrait.portrait.engine.PortraitConfig;
import com.callportrait.portrait.features.CustomerHistory;
import com.callportrait.portrait.gen.GeneratorOptions;
import com.callportrait.portrait.gen.SyntheticSource;
import com.callportrait.profile.memory.InMemoryProfileStore;
import com.callportrait.profile.redis.EmbeddedRedis;
import com.callportrait.profile.redis.RedisConnector;
import com.callportrait.profile.redis.RedisProfileStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The portrait engine benchmark ({@code portrait}): batch build of N customers / M contacts from the
 * generator into a real embedded Redis (or memory), peak heap, then live updates after single calls
 * (clean + fold + portrait + save to Redis) with p50/p99 latency, and the complaint-risk AUC against
 * the "complained before" baseline on the held-out window.
 *
 * <p>Settings: customers, interactions, the store (Redis or memory) and live updates timed.
 * Single use; not thread-safe.
 */
public final class PortraitBenchmark {
    private PortraitBenchmark() {
    }

    /**
     * Builds {@code customers} portraits from {@code interactions} contacts with the engine's
     * {@code config}, then times {@code updates}.
     */
    public static void run(PortraitConfig config, int customers, long interactions, boolean redis, int updates) throws Exception {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
        EmbeddedRedis server = null;
        RedisConnector connector = null;
        ProfileStore store;
        if (redis) {
            server = EmbeddedRedis.builder().freePort().dataDir(Path.of("target", "bench-redis", "portrait-" + System.nanoTime()))
                    .build().start();
            connector = RedisConnector.connect(server.options().withCommandTimeout(java.time.Duration.ofSeconds(5)));
            store = RedisProfileStore.create(connector, PhoneOptions.DEFAULT);
        } else {
            store = InMemoryProfileStore.create();
        }
        try {
            GeneratorOptions data = GeneratorOptions.of(42, customers, interactions);
            long cpu0 = cpu();
            long t0 = System.nanoTime();
            BatchBuild.Result r = new BatchBuild(config, store, 40_000, 2).run(List.of(new SyntheticSource(data)),
                    GeneratorOptions.DEFAULT_END, null, BuildListener.NONE, null);
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpuSec = (cpu() - cpu0) / 1e9;
            long peak = peakHeap();
            System.out.println(r.summary().toText());
            System.out.printf(Locale.ROOT, "BATCH customers=%d interactions=%d wall=%.1fs cpu=%.1fs peakHeap=%.0fMB store=%s%n",
                    customers, r.summary().cleaning().getOrDefault("accepted.interaction", 0L), wall, cpuSec,
                    peak / 1e6, redis ? "redis" : "memory");

            // live updates: one new call for a random customer, applied and saved, timed end to end
            Instant now = GeneratorOptions.DEFAULT_END.plusSeconds(3600);
            LiveUpdater live = new LiveUpdater(config, r.histories(), store, r::models, Clock.fixed(now, ZoneOffset.UTC),
                    null);
            SplittableRandom rnd = new SplittableRandom(1);
            List<String> ids = r.histories().customerIds();
            long[] lat = new long[updates];
            int warm = Math.min(500, updates / 4);
            for (int i = -warm; i < updates; i++) {
                String id = ids.get(rnd.nextInt(ids.size()));
                CustomerHistory h = r.histories().get(id).orElseThrow();
                InteractionRecord call = new InteractionRecord("bench-" + i, null, h.phone(), "voice", now, "billing",
                        "agent-01", 40, 300, rnd.nextBoolean() ? "resolved" : "unresolved", 1 + rnd.nextInt(5), null, null,
                        "caller: my bill is much higher than last month i am really frustrated");
                long s = System.nanoTime();
                live.onInteraction(call).toCompletableFuture().join().orElseThrow();
                if (i >= 0) {
                    lat[i] = System.nanoTime() - s;
                }
            }
            Arrays.sort(lat);
            System.out.printf(Locale.ROOT, "LIVE updates=%d p50=%.2fms p99=%.2fms max=%.2fms store=%s%n", updates,
                    lat[updates / 2] / 1e6, lat[(int) (updates * 0.99)] / 1e6, lat[updates - 1] / 1e6,
                    redis ? "redis" : "memory");
            System.out.printf(Locale.ROOT, "RISK auc=%.4f baseline_auc=%.4f heldout=%.0f positive_rate=%.3f%n",
                    r.summary().riskMetrics().get("auc"), r.summary().riskMetrics().get("auc_baseline"),
                    r.summary().riskMetrics().get("n_heldout"), r.summary().riskMetrics().get("positive_rate_heldout"));
        } finally {
            store.close();
            if (connector != null) {
                connector.close();
            }
            if (server != null) {
                server.close();
            }
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
