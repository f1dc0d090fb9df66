package com.callportrait.records;

import com.callportrait.live.calls.CallRegistry;
import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.ProfileStore;
import com.callportrait.portrait.collect.DataDirectory;
import com.callportrait.portrait.collect.InteractionStream;
import com.callportrait.portrait.collect.Source;
import com.callportrait.portrait.engine.BatchBuild;
import com.callportrait.portrait.engine.BuildListener;
import com.callportrait.portrait.engine.HistoryStore;
import com.callportrait.portrait.engine.LiveUpdater;
import com.callportrait.portrait.engine.ModelBundle;
import com.callportrait.portrait.engine.ModelMaintainer;
import com.callportrait.portrait.engine.ModelRegistry;
import com.callportrait.portrait.engine.PortraitConfig;
import com.callportrait.portrait.engine.RetrainPolicy;
import com.callportrait.portrait.clean.Cleaner;
import com.callportrait.portrait.clean.CleaningOptions;
import com.callportrait.portrait.clean.CleaningReport;
import com.callportrait.portrait.engine.HistoryIngest;
import com.callportrait.portrait.retrain.ModelChannel;
import com.callportrait.portrait.retrain.RetrainLease;
import com.callportrait.portrait.retrain.RetrainOptions;
import com.callportrait.portrait.retrain.RetrainScheduler;
import com.callportrait.portrait.gen.GeneratorOptions;
import com.callportrait.portrait.gen.SyntheticSource;
import com.callportrait.portrait.history.RedisHistories;
import com.callportrait.profile.memory.InMemoryProfileStore;
import com.callportrait.profile.redis.RedisConnector;
import com.callportrait.records.spool.SpoolOptions;
import com.callportrait.screenpop.FeedbackRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records stage as the application starts it: the {@link InteractionRecorder} (a listener of
 * the live call registry and of feedback) spools records, replays what the last run left and
 * appends them to {@code cp:interactions:{p}}, and one thread of its own ({@code portrait-fresh};
 * not the shared scheduler, since loading histories and training models takes seconds to minutes
 * and each poll blocks on Redis; never a Netty event loop or the AMI reader) first loads the
 * models, and the customer histories of {@code CP_FRESH_DATA} into the histories every instance
 * shares in Redis ({@code cp:hist:{customer}}, {@link RedisHistories}; merged, so what live records
 * added there stays; models from the registry when it has current ones, else trained on that data;
 * with neither, portraits are kept with their rule-based parts and name the learned parts they lack;
 * only {@code demo} trains on generated customers, {@link FreshOptions#generate()}), then polls the
 * stream with the consumer group {@value FreshOptions#GROUP} and applies {@link LiveUpdater}. Any
 * instance, after any restart, so updates a portrait from the same shared history. Records appended while the histories load simply wait in the stream.
 * Every {@link #TRIM_EVERY} the same thread trims the streams to {@link FreshOptions#retention()}
 * ({@link InteractionStream#trim}: never a record this group has not acknowledged).
 *
 * <p>With retraining on ({@link RetrainOptions}, {@code CP_RETRAIN}), the start-up never trains:
 * without models in the registry the histories are only loaded, and a {@link RetrainScheduler} (its
 * own thread, {@value RetrainScheduler#THREAD}) trains them in the background once enough new
 * labelled records arrived or the interval passed, promotes through the evaluation gate, and
 * every instance swaps in the promoted versions; the live updater always builds with the current
 * bundle. Only {@code demo} (generated customers) still trains at start.
 *
 * <p>Lifecycle: {@link #start}, {@link #close()}. Thread-safe.
 */
public final class ProfileFreshness implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProfileFreshness.class);

    private final FreshOptions options;
    /** The portrait engine's configuration, read once at start-up by the caller. */
    private final PortraitConfig config;
    private final InteractionStream stream;
    private final RedisConnector redis;
    private final InteractionRecorder recorder;
    private final ProfileStore store;
    private final Path modelsDir;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Thread thread;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final RetrainOptions retrainOptions;
    private final String instance;
    private final java.util.function.Function<ModelMaintainer, RetrainScheduler.Trainer> trainer;
    private final io.micrometer.core.instrument.Counter trimmed;
    private volatile boolean stopping;
    private volatile int historiesAtStart = -1;
    /** How often the streams are trimmed to the retention. */
    static final Duration TRIM_EVERY = Duration.ofHours(1);
    private volatile RetrainScheduler retraining;

    private ProfileFreshness(FreshOptions options, SpoolOptions spool, PortraitConfig config, RedisConnector redis,
                             ProfileStore store, CallRegistry calls, FeedbackRecorder feedback, Path modelsDir,
                             MeterRegistry registry, Clock clock, RetrainOptions retrain, String instance,
                             java.util.function.Function<ModelMaintainer, RetrainScheduler.Trainer> trainer) {
        this.options = options;
        this.retrainOptions = retrain;
        this.instance = instance;
        this.trainer = trainer;
        this.config = config;
        this.stream = new InteractionStream(redis, options.partitions());
        this.redis = redis;
        this.recorder = new InteractionRecorder(stream, calls, spool, registry);
        io.micrometer.core.instrument.Gauge.builder("cp.interactions.capacity", () -> InteractionRecorder.CAPACITY)
                .description("interaction records the append queue holds").register(registry);
        this.store = store;
        this.modelsDir = modelsDir;
        this.clock = clock;
        this.registry = registry;
        calls.addListener(recorder);
        feedback.addListener(recorder);
        this.trimmed = io.micrometer.core.instrument.Counter.builder("cp.interactions.trimmed")
                .description("interaction stream entries removed after CP_INTERACTIONS_RETENTION").register(registry);
        this.thread = new Thread(this::run, "portrait-fresh");
        thread.setDaemon(true);
    }

    /**
     * Opens the record spool ({@code spool}), registers the recorder with the live call state and
     * starts the threads.
     *
     * @throws com.callportrait.records.spool.SpoolException when the spool directory cannot be used
     */
    public static ProfileFreshness start(FreshOptions options, SpoolOptions spool, PortraitConfig config,
                                         RedisConnector redis, ProfileStore store, CallRegistry calls,
                                         FeedbackRecorder feedback, Path modelsDir, MeterRegistry registry, Clock clock) {
        return start(options, spool, config, redis, store, calls, feedback, modelsDir, registry, clock,
                RetrainOptions.builder().enabled(false).build(), "live", null);
    }

    /**
     * As above, retraining in the background as {@code retrain} says, as instance {@code instance}
     * (the lease holder's name). {@code trainer} replaces the maintainer's training (tests that need
     * a candidate of known quality); {@code null} for the real one.
     */
    public static ProfileFreshness start(FreshOptions options, SpoolOptions spool, PortraitConfig config,
                                         RedisConnector redis, ProfileStore store, CallRegistry calls,
                                         FeedbackRecorder feedback, Path modelsDir, MeterRegistry registry, Clock clock,
                                         RetrainOptions retrain, String instance,
                                         java.util.function.Function<ModelMaintainer, RetrainScheduler.Trainer> trainer) {
        ProfileFreshness f = new ProfileFreshness(options, spool, config, redis, store, calls, feedback, modelsDir,
                registry, clock, retrain, instance, trainer);
        f.recorder.start();
        f.thread.start();
        return f;
    }

    /** The background retraining, once ready; empty when {@code CP_RETRAIN=off} or not ready yet. */
    public Optional<RetrainScheduler> retraining() {
        return Optional.ofNullable(retraining);
    }

    /** Waits until the histories are loaded and the consumer runs; false on timeout. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /**
     * How many customer histories were loaded at start ({@code CP_FRESH_DATA}, or the demo's generated
     * customers); 0 for a server that starts from its live records only, -1 until ready.
     */
    public int historiesAtStart() {
        return historiesAtStart;
    }

    public InteractionStream stream() {
        return stream;
    }

    /** The recorder of interaction records (spool state for health and tests). */
    public InteractionRecorder recorder() {
        return recorder;
    }

    private void run() {
        InteractionConsumer consumer;
        try {
            consumer = bootstrap();
        } catch (RuntimeException e) {
            log.error("portrait freshness not running: loading histories/models failed: {}", e.toString(), e);
            return;
        }
        if (consumer == null) {
            return;
        }
        ready.countDown();
        long backoff = 250;
        long nextTrim = System.nanoTime();
        while (!stopping) {
            try {
                if (System.nanoTime() - nextTrim >= 0) {
                    nextTrim = System.nanoTime() + TRIM_EVERY.toNanos();
                    trim();
                }
                long n = consumer.poll();
                backoff = 250;
                if (n == 0) {
                    Thread.sleep(InteractionConsumer.idle().toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // unacknowledged entries stay pending and are read again on the next round
                log.warn("portrait update round failed ({}); retrying in {} ms", e.toString(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = Math.min(5_000, backoff * 2);
            }
        }
    }

    /** Trims the streams to the retention; a failure is logged and tried again at the next trim. */
    void trim() {
        try {
            long n = stream.trim(clock.instant().minus(options.retention()), FreshOptions.GROUP);
            trimmed.increment(n);
            if (n > 0) {
                log.info("{} interaction records older than {} trimmed from the streams", n, options.retention());
            }
        } catch (RuntimeException e) {
            log.warn("trimming the interaction streams failed ({}); trying again in {}", e.toString(), TRIM_EVERY);
        }
    }

    private InteractionConsumer bootstrap() {
        long t0 = System.nanoTime();
        ModelRegistry modelRegistry = new ModelRegistry(modelsDir, 0.0);
        ModelMaintainer registryModels = new ModelMaintainer(config, new HistoryStore(), modelRegistry,
                RetrainPolicy.DEFAULT, 40_000);
        ModelBundle models = registryModels.restore() ? registryModels.current() : null;
        List<Source> sources = new ArrayList<>();
        Instant asOf = clock.instant();
        boolean demo = false;
        if (options.data().isPresent()) {
            sources.addAll(DataDirectory.sources(options.data().get(), config.zone()));
        } else if (models == null && options.generate() > 0) {
            // only the demo asks for this (serve passes 0): real callers are never scored by
            // models fitted to made-up customers
            log.warn("demo: no CP_FRESH_DATA and no models in {}: training portrait models on {} generated demo"
                    + " customers", modelsDir, options.generate());
            sources.add(new SyntheticSource(GeneratorOptions.of(42, options.generate(), options.generate() * 10L)));
            asOf = GeneratorOptions.DEFAULT_END;
            demo = true;
        }
        RedisHistories histories = RedisHistories.of(redis, config.history());
        ModelBundle current;
        int loaded = 0;
        if (sources.isEmpty()) {
            current = models;
        } else if (models == null && retrainOptions.enabled() && !demo) {
            // no training in the start-up path: the histories go to Redis, and the retrain scheduler
            // trains on them in the background once enough new labelled records arrived or the
            // interval passed
            long t1 = System.nanoTime();
            HistoryStore read = read(sources, asOf);
            histories.mergeAll(read.all());
            loaded = read.size();
            log.info("{} customer histories from the data loaded into Redis in {} ms (models not trained at start)",
                    loaded, (System.nanoTime() - t1) / 1_000_000);
            current = null;
        } else {
            BatchBuild.Result base = new BatchBuild(config, InMemoryProfileStore.create(), 40_000, 1)
                    .run(sources, asOf, models, BuildListener.NONE, null, new HistoryStore(config.history()));
            current = base.models();
            // into the shared histories: idempotent, and what live records added there stays
            long t1 = System.nanoTime();
            histories.mergeAll(base.histories().all());
            loaded = base.histories().size();
            log.info("{} customer histories from the data loaded into Redis in {} ms", loaded,
                    (System.nanoTime() - t1) / 1_000_000);
        }
        if (current == null) {
            log.warn("no portrait models in {} yet: portraits keep their rule-based parts (loyalty, tags, open issues,"
                    + " next-best action); segment, complaint risk and value say \"{}\" until {}", modelsDir,
                    CustomerProfile.NO_MODEL_YET, retrainOptions.enabled() ? "the server trains them on this centre's"
                            + " records (CP_RETRAIN_MIN_NEW=" + retrainOptions.minNew() + " new labelled records or"
                            + " CP_RETRAIN_INTERVAL=" + retrainOptions.interval() + ") or 'profile build' does"
                            : "'profile build' trains models on this centre's records");
        }
        historiesAtStart = loaded;
        RedisHistories shared = histories;
        int sampleSize = retrainOptions.maxCustomers();
        // every training reads a bounded sample of the histories all instances share in Redis, at
        // the training's pace, over the connector's bulk connection (its own event loop, not the call path's)
        ModelMaintainer maintainer = new ModelMaintainer(config, pacer -> shared.sample(sampleSize, () -> {
                    pacer.pace();
                    pacer.settle();
                }),
                modelRegistry, RetrainPolicy.DEFAULT, sampleSize);
        if (current != null) {
            maintainer.install(current);
        }
        Runnable labelled = null;
        if (retrainOptions.enabled()) {
            RetrainScheduler.Trainer t = trainer == null ? maintainer::train : trainer.apply(maintainer);
            retraining = new RetrainScheduler(retrainOptions, maintainer, new ModelChannel(redis),
                    new RetrainLease(redis, instance, retrainOptions.lease()), clock, instance, t).start();
            labelled = retraining::labelled;
        }
        // the live updater reads the maintainer's bundle per record: a promoted or picked-up
        // version is used from the next record on, never mixed within one portrait
        LiveUpdater updater = new LiveUpdater(config, histories, store, maintainer::current, clock, labelled);
        Source source = stream.source(FreshOptions.GROUP, options.consumer(), 0, 1);
        log.info("portrait freshness ready in {} ms: histories in Redis ({} loaded at start), models {}; reading {}"
                        + " partition(s) as {}/{}; retraining {}",
                (System.nanoTime() - t0) / 1_000_000, loaded, current == null ? "none yet"
                        : "risk v" + current.riskVersion() + " segment v" + current.segmentVersion()
                        + (models != null ? " (registry)" : " (trained at start)"),
                options.partitions(), FreshOptions.GROUP, options.consumer(),
                retrainOptions.enabled() ? "after " + retrainOptions.minNew() + " new labelled records or every "
                        + retrainOptions.interval() : "off");
        return new InteractionConsumer(source, updater, histories, store, config, clock, registry);
    }

    /** The sources folded into fresh histories, cleaned as the batch build cleans them; nothing trained. */
    private HistoryStore read(List<Source> sources, Instant asOf) {
        HistoryStore histories = new HistoryStore(config.history());
        CleaningReport report = new CleaningReport();
        Cleaner cleaner = new Cleaner(new HistoryIngest(config, histories, report, null),
                CleaningOptions.of(asOf, config::normalisePhone), report);
        for (Source s : sources) {
            s.readInto(cleaner);
        }
        return histories;
    }

    @Override
    public void close() {
        recorder.close(Duration.ofSeconds(5)); // spools what is queued, appends what Redis takes in 5 s
        RetrainScheduler r = retraining;
        if (r != null) {
            r.close();
        }
        stopping = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
