package com.callportrait.bench.portrait;

import com.callportrait.portrait.collect.FeedbackRecord;
import com.callportrait.portrait.collect.InteractionRecord;
import com.callportrait.portrait.collect.InteractionStream;
import com.callportrait.portrait.engine.BatchBuild;
import com.callportrait.portrait.engine.BuildListener;
import com.callportrait.portrait.engine.LiveUpdater;
import com.callportrait.portrait.engine.ModelBundle;
import com.callportrait.portrait.engine.PortraitConfig;
import com.callportrait.portrait.features.CustomerHistory;
import com.callportrait.portrait.features.HistoryCodec;
import com.callportrait.portrait.gen.GeneratorOptions;
import com.callportrait.portrait.gen.SyntheticSource;
import com.callportrait.portrait.history.HistoryKeys;
import com.callportrait.portrait.history.RedisHistories;
import com.callportrait.profile.ProfileStore;
import com.callportrait.profile.memory.InMemoryProfileStore;
import com.callportrait.profile.redis.EmbeddedRedis;
import com.callportrait.profile.redis.RedisConnector;
import com.callportrait.profile.redis.RedisProfileStore;
import com.callportrait.records.FreshOptions;
import com.callportrait.records.InteractionConsumer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * Live portrait updates with the customer histories in Redis ({@code live-update}): N generated
 * customers are built, their histories loaded into an embedded Redis ({@code cp:hist:{id}}; load
 * time and the memory they take), then single records are timed end to end, in two ways:
 * <ul>
 *   <li>{@code ENGINE}: {@link LiveUpdater} alone: clean, read and compare-and-set the history in
 *       Redis, build the portrait, save it to Redis; two calls for every disposition with a note;</li>
 *   <li>{@code RECORD}: the server's record path after the spool: the idempotent append to
 *       {@code cp:interactions}, the consumer group read, the update and the save, then the
 *       acknowledgement ({@link InteractionConsumer}).</li>
 * </ul>
 * Single use; not thread-safe.
 */
public final class LiveUpdateBenchmark {
    private LiveUpdateBenchmark() {
    }

    public static void run(PortraitConfig config, int customers, long interactions, int updates) throws Exception {
        EmbeddedRedis server = EmbeddedRedis.builder().freePort()
                .dataDir(Path.of("target", "bench-redis", "live-" + System.nanoTime())).build().start();
        try (RedisConnector redis = RedisConnector.connect(server.options().withCommandTimeout(Duration.ofSeconds(5)))) {
            ProfileStore store = RedisProfileStore.create(redis, config.phones());
            GeneratorOptions data = GeneratorOptions.of(42, customers, interactions);
            BatchBuild.Result r = new BatchBuild(config, InMemoryProfileStore.create(), 40_000, 2)
                    .run(List.of(new SyntheticSource(data)), GeneratorOptions.DEFAULT_END, null, BuildListener.NONE, null);
            ModelBundle models = r.models();
            RedisHistories histories = RedisHistories.of(redis, config.history());

            long mem0 = usedMemory(redis);
            long t0 = System.nanoTime();
            histories.mergeAll(r.histories().all());
            double load = (System.nanoTime() - t0) / 1e9;
            long mem1 = usedMemory(redis);
            long contacts = 0;
            long contactBytes = 0;
            for (CustomerHistory h : r.histories().all()) {
                contacts += h.contacts().size();
                contactBytes += HistoryCodec.encode(h).length - HistoryCodec.encode(withoutContacts(h)).length;
            }
            long stored = storedBytes(redis, r.histories().customerIds());
            int n = r.histories().size();
            System.out.printf(Locale.ROOT, "HISTORIES customers=%d contacts=%d load=%.1fs (%.0f/s) value_bytes=%d"
                            + " value_bytes_per_customer=%.0f encoded_bytes_per_contact=%.1f redis_used_memory_delta=%.1fMB"
                            + " redis_bytes_per_customer=%.0f redis_bytes_per_contact=%.1f%n",
                    n, contacts, load, n / load, stored, (double) stored / n, (double) contactBytes / contacts,
                    (mem1 - mem0) / 1e6, (double) (mem1 - mem0) / n, (double) (mem1 - mem0) / contacts);

            Instant now = GeneratorOptions.DEFAULT_END.plusSeconds(3600);
            LiveUpdater live = new LiveUpdater(config, histories, store, () -> models, Clock.fixed(now, ZoneOffset.UTC),
                    null);
            List<String> ids = r.histories().customerIds();
            SplittableRandom rnd = new SplittableRandom(1);
            long[] lat = new long[updates];
            int warm = Math.min(500, updates / 4);
            for (int i = -warm; i < updates; i++) {
                CustomerHistory h = r.histories().get(ids.get(rnd.nextInt(ids.size()))).orElseThrow();
                String callId = "bench-" + i;
                long s = System.nanoTime();
                if (i % 3 == 2) {
                    // the disposition of an earlier call of this run, with the agent's note
                    String earlier = "bench-" + (i - 1);
                    live.onFeedback(new FeedbackRecord(earlier, null, h.phone(), null, "resolved", now,
                            "credited the overcharge and explained the new tariff"), "fb-" + earlier)
                            .toCompletableFuture().join();
                } else {
                    live.onInteraction(call(callId, h.phone(), now, rnd), callId).toCompletableFuture().join()
                            .orElseThrow();
                }
                if (i >= 0) {
                    lat[i] = System.nanoTime() - s;
                }
            }
            print("ENGINE", lat);

            InteractionStream stream = new InteractionStream(redis, 1);
            InteractionConsumer consumer = new InteractionConsumer(stream.source(FreshOptions.GROUP, "bench", 0, 1),
                    live, histories, store, config, Clock.systemUTC(), new SimpleMeterRegistry());
            consumer.poll();
            for (int i = -warm; i < updates; i++) {
                CustomerHistory h = r.histories().get(ids.get(rnd.nextInt(ids.size()))).orElseThrow();
                String callId = "rec-" + i;
                long s = System.nanoTime();
                stream.appendOnce(callId, call(callId, h.phone(), now, rnd), Duration.ofHours(1)).toCompletableFuture()
                        .join();
                long applied = consumer.poll();
                if (applied != 1) {
                    throw new IllegalStateException("expected the one record, the consumer applied " + applied);
                }
                if (i >= 0) {
                    lat[i] = System.nanoTime() - s;
                }
            }
            print("RECORD", lat);
            System.out.printf(Locale.ROOT, "CONFLICTS %d (one writer: expected 0)%n", histories.conflicts());
            System.out.println("LOAD " + Files.readString(Path.of("/proc/loadavg")).trim());
            store.close();
        } finally {
            server.close();
        }
    }

    /** The same history without its contacts: the difference in size is what the contacts cost. */
    private static CustomerHistory withoutContacts(CustomerHistory h) {
        CustomerHistory x = new CustomerHistory(h.customerId(), h.bounds());
        x.customer(h.name(), h.phone(), h.tier(), h.language(), h.joined(), h.lifetimeValue());
        x.attributes(h.attributes());
        h.bills().forEach(x::addBill);
        h.complaints().forEach(x::addComplaint);
        h.tickets().forEach(x::addTicket);
        return x;
    }

    private static InteractionRecord call(String id, String phone, Instant now, SplittableRandom rnd) {
        return new InteractionRecord(id, null, phone, "voice", now.minusSeconds(300), "billing", "agent-01", 40, 300,
                null, rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(5) : null, rnd.nextBoolean() ? "negative" : null, null,
                "caller: my bill is much higher than last month i am really frustrated");
    }

    private static void print(String what, long[] lat) {
        long[] s = lat.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%s updates=%d p50=%.2fms p99=%.2fms max=%.2fms store=redis histories=redis%n",
                what, s.length, s[s.length / 2] / 1e6, s[(int) (s.length * 0.99)] / 1e6, s[s.length - 1] / 1e6);
    }

    private static long usedMemory(RedisConnector redis) {
        for (String line : redis.sync().info("memory").split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).trim());
            }
        }
        throw new IllegalStateException("INFO memory has no used_memory");
    }

    /** The sum of the history values' sizes (STRLEN, pipelined). */
    private static long storedBytes(RedisConnector redis, List<String> ids) {
        long sum = 0;
        for (int from = 0; from < ids.size(); from += 1000) {
            List<CompletableFuture<Long>> f = new ArrayList<>();
            for (String id : ids.subList(from, Math.min(ids.size(), from + 1000))) {
                f.add(redis.async().strlen(HistoryKeys.history(id)).toCompletableFuture());
            }
            for (CompletableFuture<Long> x : f) {
                sum += x.join();
            }
        }
        return sum;
    }
}
