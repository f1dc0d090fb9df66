package com.callportrait.bench.portrait;

import com.callportrait.portrait.engine.BatchBuild;
import com.callportrait.portrait.engine.BuildListener;
import com.callportrait.portrait.engine.PortraitConfig;
import com.callportrait.portrait.engine.StoreSink;
import com.callportrait.portrait.engine.StreamingBuild;
import com.callportrait.portrait.gen.GeneratorOptions;
import com.callportrait.portrait.gen.SyntheticSource;
import com.callportrait.profile.PhoneOptions;
import com.callportrait.profile.ProfileStore;
import com.callportrait.profile.memory.InMemoryProfileStore;
import com.callportrait.profile.redis.EmbeddedRedis;
import com.callportrait.profile.redis.RedisConnector;
import com.callportrait.profile.redis.RedisProfileStore;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The streaming batch build at scale ({@code portrait-batch}): N generated customers with M contacts
 * through {@link StreamingBuild} into a real embedded Redis (or memory), reporting wall time,
 * process CPU, Redis CPU, peak heap (every heap pool's peak, summed: an upper bound), the Redis
 * memory the portraits leave ({@code INFO memory} used_memory) and the rate of every phase.
 *
 * <p>Settings: customers, contacts, store, threads, training sample, partitions and a listener
 * (progress bar). Single use; not thread-safe.
 */
public final class BatchBuildBenchmark {
    private BatchBuildBenchmark() {
    }

    /** What to build and how. */
    public record Settings(int customers, long interactions, boolean redis, int threads, int trainSample,
                           int partitions, Path spillDir) { }

    public static void run(PortraitConfig config, Settings s, BuildListener listener, PrintWriter out) throws Exception {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
        EmbeddedRedis server = null;
        RedisConnector connector = null;
        ProfileStore store;
        if (s.redis()) {
            server = EmbeddedRedis.builder().freePort()
                    .dataDir(Path.of("target", "bench-redis", "portrait-batch-" + System.nanoTime())).build().start();
            connector = RedisConnector.connect(server.options().withCommandTimeout(Duration.ofSeconds(30)));
            store = RedisProfileStore.create(connector, PhoneOptions.DEFAULT);
        } else {
            store = InMemoryProfileStore.create();
        }
        try {
            long usedBefore = connector == null ? 0 : infoLong(connector, "memory", "used_memory");
            double redisCpu0 = connector == null ? 0 : redisCpu(connector);
            GeneratorOptions data = GeneratorOptions.of(42, s.customers(), s.interactions());
            long cpu0 = cpu();
            long t0 = System.nanoTime();
            BatchBuild.Result r = new StreamingBuild(config, new StoreSink(store), s.trainSample(), s.threads(),
                    s.partitions(), s.spillDir()).run(List.of(new SyntheticSource(data)), GeneratorOptions.DEFAULT_END,
                    null, listener, null, null);
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpuSec = (cpu() - cpu0) / 1e9;
            long peak = peakHeap();
            out.println(r.summary().toText());
            long contacts = r.summary().cleaning().getOrDefault("accepted.interaction", 0L);
            long records = r.summary().records().values().stream().mapToLong(Long::longValue).sum();
            Map<String, Long> ph = r.summary().phaseMillis();
            out.printf(Locale.ROOT, "PHASES read=%.1fs (%,.0f records/s) train=%.1fs portraits=%.1fs (%,.0f customers/s)%n",
                    ph.get("read") / 1e3, records / (ph.get("read") / 1e3), ph.getOrDefault("train", 0L) / 1e3,
                    ph.get("portraits") / 1e3, r.summary().customers() / (ph.get("portraits") / 1e3));
            if (connector != null) {
                long used = infoLong(connector, "memory", "used_memory");
                long keys = connector.sync().dbsize();
                out.printf(Locale.ROOT, "REDIS used_memory=%.1fMB (%.0f bytes/customer over the empty server) keys=%,d "
                                + "redis_cpu=%.1fs%n", used / 1e6, (used - usedBefore) / (double) r.summary().customers(),
                        keys, redisCpu(connector) - redisCpu0);
            }
            out.printf(Locale.ROOT, "BATCH customers=%d interactions=%d saved=%d failed=%d wall=%.1fs cpu=%.1fs "
                            + "peakHeap=%.0fMB maxHeap=%.0fMB store=%s threads=%d%n", r.summary().customers(), contacts,
                    r.summary().saved(), r.summary().saveFailures(), wall, cpuSec, peak / 1e6,
                    Runtime.getRuntime().maxMemory() / 1e6, s.redis() ? "redis" : "memory", s.threads());
            out.flush();
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

    private static long infoLong(RedisConnector c, String section, String field) {
        return c.sync().info(section).lines().filter(l -> l.startsWith(field + ":"))
                .map(l -> Long.parseLong(l.substring(field.length() + 1).trim())).findFirst().orElse(-1L);
    }

    private static double redisCpu(RedisConnector c) {
        double sum = 0;
        for (String l : c.sync().info("cpu").lines().toList()) {
            if (l.startsWith("used_cpu_sys:") || l.startsWith("used_cpu_user:")) {
                sum += Double.parseDouble(l.substring(l.indexOf(':') + 1).trim());
            }
        }
        return sum;
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
