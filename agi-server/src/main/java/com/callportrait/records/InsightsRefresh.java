package com.callportrait.records;

import com.callportrait.live.ami.AmiAction;
import com.callportrait.live.ami.AmiClient;
import com.callportrait.portrait.clean.CleaningOptions;
import com.callportrait.portrait.clean.CleaningReport;
import com.callportrait.portrait.clean.Cleaner;
import com.callportrait.portrait.collect.DataDirectory;
import com.callportrait.portrait.collect.Source;
import com.callportrait.portrait.engine.HistoryIngest;
import com.callportrait.portrait.engine.HistoryStore;
import com.callportrait.portrait.engine.PortraitConfig;
import com.callportrait.portrait.gen.GeneratorOptions;
import com.callportrait.portrait.gen.SyntheticSource;
import com.callportrait.portrait.insights.ContactLog;
import com.callportrait.portrait.insights.Insights;
import com.callportrait.profile.redis.RedisConnector;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the {@link Insights} in the running server: at start and then every
 * {@link InsightsOptions#every()} (default daily), one thread of its own ({@code insights-refresh},
 * a scheduled background task: reading a day's records and clustering takes seconds, never on a
 * Netty event loop or the shared scheduler) reads the data sources (the live records the
 * interaction streams keep, {@code CP_INTERACTIONS_RETENTION}; {@code CP_FRESH_DATA}: the
 * CRM/records files and the Asterisk {@code queue_log} that keeps growing; the demo's generated
 * customers), cleans them, classifies topics and emotions like a build, and computes every insight.
 * The result is kept for {@code /api/insights} and written to Redis for routing:
 * <ul>
 *   <li>{@value #GROUPS_KEY}: hash agent to {@code high}/{@code middle}/{@code low};</li>
 *   <li>{@value #PENALTY_KEY}: hash agent to queue penalty 0/1/2;</li>
 *   <li>with {@code CP_INSIGHTS_PENALTIES=on} and AMI, one {@code QueuePenalty} per grouped agent
 *       (interface {@code CP_INSIGHTS_MEMBER_INTERFACE}, every queue the member is in).</li>
 * </ul>
 * A failed refresh keeps the previous insights and is logged and counted. Lifecycle:
 * {@link #start}, {@link #close()}. Thread-safe.
 */
public final class InsightsRefresh implements AutoCloseable {
    public static final String GROUPS_KEY = "cp:agents:group";
    public static final String PENALTY_KEY = "cp:agents:penalty";
    private static final Logger log = LoggerFactory.getLogger(InsightsRefresh.class);

    /**
     * What one refresh reads.
     *
     * @param sources the sources, read in order
     * @param asOf    the time the insight windows end at
     */
    public record Data(List<Source> sources, Instant asOf) {
        public Data {
            sources = List.copyOf(sources);
        }
    }

    private final InsightsOptions options;
    private final Supplier<Optional<Data>> data;
    private final PortraitConfig config;
    private final Optional<RedisConnector> redis;
    private final Optional<AmiClient> ami;
    private final ScheduledExecutorService executor;
    private final Counter ok;
    private final Counter failed;
    private volatile Insights current;
    private volatile Instant refreshedAt;

    private InsightsRefresh(InsightsOptions options, Supplier<Optional<Data>> data, PortraitConfig config,
                            Optional<RedisConnector> redis, Optional<AmiClient> ami, MeterRegistry registry) {
        this.options = options;
        this.data = data;
        this.config = config;
        this.redis = redis;
        this.ami = ami;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "insights-refresh");
            t.setDaemon(true);
            return t;
        });
        this.ok = Counter.builder("cp.insights.refreshes").tag("outcome", "ok")
                .description("insight refreshes (agent groups, rules, demand heat, forecast)").register(registry);
        this.failed = Counter.builder("cp.insights.refreshes").tag("outcome", "failed")
                .description("insight refreshes (agent groups, rules, demand heat, forecast)").register(registry);
        Gauge.builder("cp.insights.age.seconds", this, r -> r.refreshedAt == null ? Double.NaN
                : Duration.between(r.refreshedAt, Instant.now()).toSeconds())
                .description("seconds since the insights were last refreshed").register(registry);
    }

    /** Schedules the first refresh now and then one every {@link InsightsOptions#every()}. */
    public static InsightsRefresh start(InsightsOptions options, Supplier<Optional<Data>> data, PortraitConfig config,
                                        Optional<RedisConnector> redis, Optional<AmiClient> ami, MeterRegistry registry) {
        InsightsRefresh r = new InsightsRefresh(options, data, config, redis, ami, registry);
        r.executor.scheduleWithFixedDelay(r::refreshQuietly, 0, options.every().toMillis(), TimeUnit.MILLISECONDS);
        return r;
    }

    /**
     * The data of the server's freshness settings, read afresh at each refresh: the files of
     * {@code CP_FRESH_DATA} (if set) and the live records the interaction streams keep
     * ({@code liveSince}, given the start of the retention window {@code CP_INTERACTIONS_RETENTION}),
     * as of now; else, for the demo ({@code generate} > 0), its generated customers as of the
     * generator's end; else none.
     */
    public static Supplier<Optional<Data>> dataOf(FreshOptions fresh, PortraitConfig config, Clock clock,
                                                 Optional<Function<Instant, Source>> liveSince) {
        return () -> {
            Instant now = clock.instant();
            List<Source> sources = new ArrayList<>();
            fresh.data().ifPresent(d -> sources.addAll(files(d, config)));
            if (fresh.data().isEmpty() && fresh.generate() > 0) {
                return Optional.of(new Data(List.of(new SyntheticSource(GeneratorOptions.of(42, fresh.generate(),
                        fresh.generate() * 10L))), GeneratorOptions.DEFAULT_END));
            }
            liveSince.ifPresent(f -> sources.add(f.apply(now.minus(fresh.retention()))));
            return sources.isEmpty() ? Optional.empty() : Optional.of(new Data(sources, now));
        };
    }

    /** The record files a data directory holds, in the order a build reads them. */
    static List<Source> files(Path d, PortraitConfig config) {
        return DataDirectory.sources(d, config.zone());
    }

    /** The last insights; empty until the first refresh has finished. */
    public Optional<Insights> current() {
        return Optional.ofNullable(current);
    }

    /** The JSON body of {@code /api/insights}. */
    public Map<String, Object> json() {
        Insights in = current;
        if (in == null) {
            return Map.of("state", "pending", "message", "the first refresh has not finished, or there are no"
                    + " records yet (the live records of the last CP_INTERACTIONS_RETENTION and CP_FRESH_DATA)");
        }
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("state", "ready");
        m.put("refreshed_at", refreshedAt.toString());
        m.put("refresh_every", options.every().toString());
        m.putAll(in.toJson());
        return m;
    }

    /** Runs one refresh on the calling thread (tests; the schedule uses the refresh thread). */
    public Optional<Insights> refresh() {
        Optional<Data> d = data.get();
        if (d.isEmpty()) {
            return Optional.empty();
        }
        long t0 = System.nanoTime();
        ContactLog contacts = new ContactLog(config.emotions());
        HistoryStore histories = new HistoryStore(config.history());
        CleaningReport report = new CleaningReport();
        Cleaner cleaner = new Cleaner(new HistoryIngest(config, histories, report, contacts),
                CleaningOptions.of(d.get().asOf(), config::normalisePhone), report);
        for (Source s : d.get().sources()) {
            s.readInto(cleaner);
        }
        if (contacts.size() == 0) {
            log.info("insights not refreshed: no contacts in {}", d.get().sources().stream().map(Source::name).toList());
            return Optional.empty();
        }
        Insights in = Insights.compute(contacts, Insights.items(histories.all()), d.get().asOf());
        current = in;
        refreshedAt = Instant.now();
        publish(in);
        log.info("insights refreshed in {} ms: {} contacts, {} agents grouped, {} rules", (System.nanoTime() - t0)
                / 1_000_000, in.contacts(), in.penalties().size(), in.rules().size());
        return Optional.of(in);
    }

    private void refreshQuietly() {
        try {
            refresh();
            ok.increment();
        } catch (RuntimeException e) {
            failed.increment();
            log.warn("insights refresh failed ({}); keeping the previous insights", e.toString(), e);
        }
    }

    /**
     * Groups and penalties to Redis, then to the queues. Each hash is replaced (delete, then write):
     * a reader between the two sees it missing for a moment and routes without groups, never a mix
     * of two refreshes.
     */
    private void publish(Insights in) {
        Map<String, Integer> penalties = in.penalties();
        if (penalties.isEmpty()) {
            return;
        }
        redis.ifPresent(r -> {
            Map<String, String> groups = new java.util.LinkedHashMap<>();
            Map<String, String> pen = new java.util.LinkedHashMap<>();
            in.groups().orElseThrow().groupOf().forEach(groups::put);
            penalties.forEach((a, p) -> pen.put(a, Integer.toString(p)));
            var sync = r.sync();
            // one key per command: the two keys may live in different cluster slots
            sync.del(GROUPS_KEY);
            sync.del(PENALTY_KEY);
            sync.hset(GROUPS_KEY, groups);
            sync.hset(PENALTY_KEY, pen);
        });
        if (options.penalties() && ami.isPresent() && !ami.get().connected()) {
            log.warn("AMI not connected: agent queue penalties are set at the next refresh");
        }
        if (options.penalties()) {
            ami.filter(AmiClient::connected).ifPresent(a -> penalties.forEach((agent, p) ->
                    a.send(AmiAction.of("QueuePenalty", "Interface", options.memberOf(agent), "Penalty",
                            Integer.toString(p))).whenComplete((resp, err) -> {
                                if (err != null) {
                                    log.warn("QueuePenalty {} for {} failed: {}", p, agent, err.toString());
                                }
                            })));
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
